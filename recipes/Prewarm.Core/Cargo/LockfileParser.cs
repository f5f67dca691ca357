using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Reads Cargo.lock in every format cargo has written: v1 (checksums in <c>[metadata]</c>,
/// references always <c>name version (source)</c>, possibly a <c>[root]</c> table), v2 (inline
/// checksums, short references, no version key), v3 and v4 (<c>version = 3|4</c>). Refuses what
/// cargo refuses, with the position: another explicit version, a field of the wrong type, and a
/// package listed twice.</summary>
public static class LockfileParser
{
    /// <param name="text">The lockfile's text.</param>
    /// <param name="path">The lockfile relative to the repository root (for the model and for messages).</param>
    public static Lockfile Parse(string text, string path)
    {
        var parsed = TomlText.ParseDocument(text, path);
        var document = parsed.Root;
        var values = new TomlValues(parsed);
        int? explicitVersion = null;
        if (document.TryGetValue("version", out var v))
        {
            explicitVersion = v is long number ? (int)Math.Clamp(number, int.MinValue, int.MaxValue) : throw values.Invalid(document, "version", "an integer", v);
            // Cargo only ever wrote `version = 3` and `4`; v1 and v2 have no version key.
            if (explicitVersion is not (3 or 4))
            {
                throw new LockfileException(path, values.PositionOf(document, "version"), $"lock file version `{v}` is not one cargo understands (explicit versions are 3 and 4)");
            }
        }

        var metadata = values.Table(document, "metadata");
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata ?? new TomlTable())
        {
            const string prefix = "checksum ";
            if (key.StartsWith(prefix, StringComparison.Ordinal) && value is string sum && sum != "<none>")
            {
                checksums[key[prefix.Length..]] = sum;
            }
        }

        var entries = new List<(TomlTable Entry, TomlPosition? At)>();
        if (values.Table(document, "root") is { } root)
        {
            entries.Add((root, values.PositionOf(document, "root", atKey: true)));
        }

        var index = 0;
        foreach (var entry in values.TableArray(document, "package"))
        {
            entries.Add((entry, values.ElementPositionOf(document, "package", index++)));
        }

        var packages = new List<LockedPackage>();
        var seen = new HashSet<(string, string, string?)>();
        foreach (var (entry, at) in entries)
        {
            var package = Package(values, entry, at, checksums);
            if (!seen.Add((package.Name, package.Version, package.Source)))
            {
                throw new LockfileException(path, at, $"package `{package.Name} {package.Version}` is specified twice in the lockfile");
            }

            packages.Add(package);
        }

        var version = explicitVersion
            ?? (metadata is not null && checksums.Count > 0 || entries.Any(e => e.Entry.ContainsKey("dependencies") && values.Strings(e.Entry, "dependencies")!.Any(d => d.Contains('(')) && !e.Entry.ContainsKey("checksum"))
                ? 1
                : 2);
        return new Lockfile(path, version, packages);
    }

    private static LockedPackage Package(TomlValues values, TomlTable entry, TomlPosition? at, Dictionary<string, string> checksums)
    {
        var name = values.String(entry, "name") ?? throw new LockfileException(values.File, at, "a [[package]] has no name");
        var version = values.String(entry, "version") ?? throw new LockfileException(values.File, at, $"package `{name}` has no version");
        var source = values.String(entry, "source");
        var id = source is null ? $"{name} {version}" : $"{name} {version} ({source})";
        return new LockedPackage
        {
            Name = name,
            Version = version,
            Source = source,
            Checksum = values.String(entry, "checksum") ?? checksums.GetValueOrDefault(id),
            Dependencies = values.Strings(entry, "dependencies") ?? [],
        };
    }
}
