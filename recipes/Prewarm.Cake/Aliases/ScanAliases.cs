using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;

namespace Prewarm.Cake.Aliases;

/// <summary>Scanning Rust repositories from a Cake script (<c>build.cake</c>) or any Cake context.</summary>
[CakeAliasCategory("Prewarm")]
public static class ScanAliases
{
    /// <summary>Builds the Cargo model of each repository: workspaces, packages, dependencies, targets, lockfiles.</summary>
    /// <example><code>var repos = PrewarmScan(Directory("./"));</code></example>
    [CakeMethodAlias]
    public static IReadOnlyList<CargoRepository> PrewarmScan(this ICakeContext context, params DirectoryPath[] repositories)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RepositoryScanner.ScanAll(repositories.Select(r => r.MakeAbsolute(context.Environment).FullPath).ToList());
    }

    /// <summary>Writes scan.json and dependency-frequency.{txt,json,md} into <paramref name="artifacts"/>, all or none.</summary>
    [CakeMethodAlias]
    public static void PrewarmWriteScanReports(this ICakeContext context, IReadOnlyList<CargoRepository> repositories, DirectoryPath artifacts)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = artifacts.MakeAbsolute(context.Environment).FullPath;
        AtomicFile.WriteAll(ScanArtifacts.Render(repositories).Select(f => KeyValuePair.Create(System.IO.Path.Combine(directory, f.Key), f.Value)));
    }

    /// <summary>Per external crate: how many repositories and packages use it, kinds, features, versions, transitive size.</summary>
    [CakeMethodAlias]
    public static DependencyFrequencyReport PrewarmDependencyFrequency(this ICakeContext context, IReadOnlyList<CargoRepository> repositories)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DependencyFrequencyReport.Build(repositories);
    }
}
