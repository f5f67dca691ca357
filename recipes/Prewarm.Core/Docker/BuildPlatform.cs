namespace Prewarm.Core.Docker;

/// <summary>An OCI platform, <c>os/arch[/variant]</c>, as <c>--platform</c> takes it.</summary>
public sealed record BuildPlatform(string Os, string Architecture, string? Variant)
{
    private static readonly Dictionary<string, string[]> KnownArchitectures = new(StringComparer.Ordinal)
    {
        ["linux"] = ["amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le", "mips64", "loong64"],
        ["windows"] = ["amd64", "arm64"],
    };

    private static readonly string[] KnownVariants = ["v5", "v6", "v7", "v8"];

    public static BuildPlatform Parse(string value)
    {
        var parts = value.Trim().Split('/');
        if (parts.Length is < 2 or > 3
            || !KnownArchitectures.TryGetValue(parts[0], out var architectures)
            || !architectures.Contains(parts[1], StringComparer.Ordinal)
            || (parts.Length == 3 && !KnownVariants.Contains(parts[2], StringComparer.Ordinal)))
        {
            throw new PrewarmException($"Unknown platform '{value}': expected os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7.");
        }

        return new BuildPlatform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Parses a comma-separated list (the form <c>--platform</c> takes), keeping order, without duplicates.</summary>
    public static IReadOnlyList<BuildPlatform> ParseList(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Parse)
            .Distinct()
            .ToList();

    /// <summary>The platform of an engine from <c>docker version</c> (GOOS/GOARCH spelling).</summary>
    public static BuildPlatform FromEngine(string os, string architecture) => Parse($"{os}/{architecture}");

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
