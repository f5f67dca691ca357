using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Reads Cargo.lock in every format cargo has written: v1 (checksums in <c>[metadata]</c>,
/// references always <c>name version (source)</c>, possibly a <c>[root]</c> table), v2 (inline
/// checksums, short references, no version key), v3 and v4 (<c>version = 3|4</c>).</summary>
public static class LockfileParser
{
    /// <param name="text">The lockfile's text.</param>
    /// <param name="path">The lockfile relative to the repository root (for the model and for messages).</param>
    public static Lockfile Parse(string text, string path)
    {
        var document = TomlText.Parse(text, path);
        var values = new TomlValues(path);
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

        var entries = new List<TomlTable>();
        if (values.Table(document, "root") is { } root)
        {
            entries.Add(root);
        }

        entries.AddRange(values.TableArray(document, "package"));
        var packages = entries.Select(entry => Package(values, entry, checksums)).ToList();
        // cargo: "package collision in the lockfile": the same name, version and source twice.
        var collision = packages.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (collision is not null)
        {
            throw new LockfileException(path, $"package `{collision.Key}` is listed more than once");
        }

        var version = document.TryGetValue("version", out var v)
            ? v is long number ? (int)Math.Clamp(number, 0, int.MaxValue) : throw values.Invalid(document, "version", "an integer", v)
            : metadata is not null && checksums.Count > 0 || entries.Any(e => e.ContainsKey("dependencies") && values.Strings(e, "dependencies")!.Any(d => d.Contains('(')) && !e.ContainsKey("checksum"))
                ? 1
                : 2;
        // cargo wrote a `version` key only from v3 on; it refuses any other explicit number.
        if (v is not null && version is not (3 or 4))
        {
            throw new LockfileException(At(path, document, "version"), $"lock file version `{v}` is not one cargo understands (explicit versions are 3 and 4)");
        }

        return new Lockfile(path, version, packages);
    }

    private static LockedPackage Package(TomlValues values, TomlTable entry, Dictionary<string, string> checksums)
    {
        var name = values.String(entry, "name") ?? throw new LockfileException(At(values.File, entry, null), "a [[package]] has no name");
        var version = values.String(entry, "version") ?? throw new LockfileException(At(values.File, entry, null), $"package `{name}` has no version");
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

    /// <summary><c>file:line:column</c> of <paramref name="key"/> in <paramref name="table"/> (of the
    /// table's own header when <paramref name="key"/> is null), or the file alone.</summary>
    private static string At(string file, TomlTable table, string? key)
    {
        var position = key is not null ? TomlText.PositionOf(table, key)
            : TomlText.PathOf(table) is { Length: > 0 } own ? TomlText.PositionAt(table, own)
            : null;
        return position is var (line, column) ? $"{file}:{line}:{column}" : file;
    }
}
