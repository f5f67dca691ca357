namespace Prewarm.Cake.Docker;

/// <summary>
/// Before a <c>--cross</c> build: every platform asked for must be a known cross target, and the base
/// image, as the build platform (the engine's own) runs it, must hold each target's linker and Rust
/// standard library. Found missing here, it is one line naming the fix before anything is built.
/// </summary>
internal sealed class CrossPrerequisites(ICakeContext context, DockerEngine engine)
{
    /// <summary>Null when every target can be cross-compiled in <paramref name="baseImage"/>, else the problem.</summary>
    public string? Problem(IReadOnlyList<BuildPlatform> platforms, string baseImage)
    {
        var native = new DockerRunSettings { ToolPath = engine.Cli, Platform = engine.NativePlatform.ToString() };
        foreach (var platform in platforms)
        {
            var target = CrossTarget.For(platform);
            var check = context.DockerRunShell(baseImage, target.CheckScript(), native);
            if (!check.Succeeded)
            {
                var line = check.StandardError.FirstOrDefault(l => l.StartsWith(CrossTarget.MissingPrefix, StringComparison.Ordinal))
                    ?? $"{CrossTarget.MissingPrefix}: cannot run {baseImage} for {engine.NativePlatform} to check the cross toolchain: {check.StandardError.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {check.ExitCode}"}";
                return $"--platform={platform}: {line} ({baseImage} as {engine.NativePlatform})";
            }
        }

        return null;
    }

    public void Require(IReadOnlyList<BuildPlatform> platforms, string baseImage)
    {
        if (Problem(platforms, baseImage) is { } problem)
        {
            throw new PrewarmException(problem);
        }
    }
}
