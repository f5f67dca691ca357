namespace Prewarm.Tests.Distribution;

/// <summary>
/// Packs Prewarm's packages once per test run into a local folder feed. Each run gets its own
/// package version so NuGet's global cache never serves a package packed by an earlier run.
/// </summary>
internal static class PackageFeed
{
    private static readonly Lazy<Task<(string Feed, string Version)>> Packed = new(PackAsync);

    public static Task<(string Feed, string Version)> GetAsync() => Packed.Value;

    /// <summary>Copies the project in <c>tests/<paramref name="project"/></c> to a temporary directory and builds it
    /// (Release) with the packed packages; <paramref name="properties"/> are MSBuild <c>-p:</c> values that may name
    /// <c>{version}</c>. Returns the directory, which the caller deletes.</summary>
    public static async Task<string> BuildCopyAsync(string project, params string[] properties)
    {
        var (feed, version) = await GetAsync();
        var directory = Directory.CreateTempSubdirectory($"prewarm-{project}-").FullName;
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", project), directory);
        await DotNet.RunAsync(directory, [
            "build", "-c", "Release", $"-p:RestoreAdditionalProjectSources={feed}",
            .. properties.Select(p => "-p:" + p.Replace("{version}", version, StringComparison.Ordinal))]);
        return directory;
    }

    private static async Task<(string Feed, string Version)> PackAsync()
    {
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Directory.CreateTempSubdirectory("prewarm-feed-").FullName;
        foreach (var project in new[] { "Prewarm.Core", "Prewarm.Frosting", "Prewarm.Cake" })
        {
            await DotNet.RunAsync(
                RepositoryLayout.Root,
                "pack", $"recipes/{project}/{project}.csproj",
                "--no-build", "-c", RepositoryLayout.Configuration,
                "-o", feed, $"-p:PackageVersion={version}");
        }

        return (feed, version);
    }
}
