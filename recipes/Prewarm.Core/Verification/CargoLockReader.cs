using Tomlyn.Model;

namespace Prewarm.Core.Verification;

/// <summary>Reads the <c>[[package]]</c> entries of a Cargo.lock (any lock version: the fields used are common to all).</summary>
public static class CargoLockReader
{
    public static IReadOnlyList<LockedPackage> Parse(string text, string path)
    {
        var model = TomlText.Read(text, path);
        if (!model.TryGetValue("package", out var packages) || packages is not TomlTableArray array)
        {
            return [];
        }

        return array
            .Select(p => new LockedPackage(
                p.TryGetValue("name", out var name) ? name as string ?? string.Empty : string.Empty,
                p.TryGetValue("version", out var version) ? version as string ?? string.Empty : string.Empty,
                p.TryGetValue("source", out var source) ? source as string : null))
            .Where(p => p.Name.Length > 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ToArray();
    }
}
