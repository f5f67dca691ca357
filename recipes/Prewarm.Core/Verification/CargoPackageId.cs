namespace Prewarm.Core.Verification;

/// <summary>
/// A package as cargo names it in its JSON messages. Cargo 1.77+ writes a PackageIdSpec
/// (<c>registry+https://…#name@1.0.0</c>, <c>path+file:///dir#1.0.0</c>); older cargo writes
/// <c>name 1.0.0 (registry+https://…)</c>. Both parse to the same name, version and source.
/// </summary>
public sealed record CargoPackageId(string Name, string Version, string Source)
{
    /// <summary>From a registry (crates.io, a replaced or sparse registry) or a git repository:
    /// a dependency, not one of the workspace's own path crates.</summary>
    public bool IsExternal =>
        Source.StartsWith("registry+", StringComparison.Ordinal)
        || Source.StartsWith("sparse+", StringComparison.Ordinal)
        || Source.StartsWith("git+", StringComparison.Ordinal);

    public override string ToString() => $"{Name} {Version} ({Source})";

    /// <summary>Parses either form; throws <see cref="FormatException"/> naming the text when it is neither.</summary>
    public static CargoPackageId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id) ? id : throw new FormatException($"not a cargo package id: '{text}'");
    }

    public static bool TryParse(string text, out CargoPackageId id)
    {
        id = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Old form: "name version (source)".
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')'))
        {
            var head = text[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Length == 2)
            {
                id = new CargoPackageId(head[0], head[1], text[(open + 2)..^1]);
                return true;
            }

            return false;
        }

        // PackageIdSpec: "<kind>+<url>#<name>@<version>" or "<kind>+<url>#<version>" when the name
        // is the URL's last path segment.
        var hash = text.LastIndexOf('#');
        if (hash <= 0 || hash == text.Length - 1 || !text.Contains('+'))
        {
            return false;
        }

        var source = text[..hash];
        var fragment = text[(hash + 1)..];
        var at = fragment.LastIndexOf('@');
        string name;
        string version;
        if (at >= 0)
        {
            name = fragment[..at];
            version = fragment[(at + 1)..];
        }
        else
        {
            version = fragment;
            var withoutQuery = source.Split('?')[0].TrimEnd('/');
            name = withoutQuery[(withoutQuery.LastIndexOf('/') + 1)..];
        }

        if (name.Length == 0 || version.Length == 0 || !char.IsDigit(version[0]))
        {
            return false;
        }

        id = new CargoPackageId(name, version, source);
        return true;
    }
}
