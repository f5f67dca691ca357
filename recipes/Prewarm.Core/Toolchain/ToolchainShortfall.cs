namespace Prewarm.Core.Toolchain;

/// <summary>A need the image's toolchain falls short of: <paramref name="Has"/> is its version of the tool.</summary>
public sealed record ToolchainShortfall(ToolchainNeed Need, string Has)
{
    /// <summary>One line: <c>Cargo.lock: lockfile version 4 needs cargo ≥ 1.78; the base image IMAGE has
    /// cargo 1.65.0 (write version = 3, or use a base image with a newer toolchain)</c>.</summary>
    /// <param name="root">Put before the file (the repository's directory), or empty.</param>
    /// <param name="image">The base image, as the Dockerfile names it.</param>
    public string Describe(string root, string image)
    {
        var tool = Need.Tool == RustTool.Cargo ? "cargo" : "rustc";
        return $"{Path.Join(root, Need.File)}: {Need.What} needs {tool} ≥ {Need.Minimum}; the base image {image} has {tool} {Has} ({Need.Fix})";
    }

    /// <summary>The first shortfall in one line, the others named after it; null when there is none.</summary>
    public static string? Describe(IReadOnlyList<ToolchainShortfall> shortfalls, string root, string image) => shortfalls switch
    {
        [] => null,
        [var only] => only.Describe(root, image),
        [var first, ..] => $"{first.Describe(root, image)}; also {string.Join(", ", shortfalls.Skip(1).Select(s => $"{Path.Join(root, s.Need.File)}: {s.Need.What}"))}",
    };
}
