using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core.Recipes;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Verification;

/// <summary>Builds and inspects a repository on this machine for Verify: cargo tree, a build with
/// cargo's JSON messages, and (zeroed first) sccache's statistics.</summary>
internal sealed class LocalBuild(ICakeContext context)
{
    /// <summary>cargo metadata --no-deps of the repository (what Verify expects before Recipe has run).</summary>
    public string Metadata(string repository) =>
        context.CargoMetadata(new CargoMetadataSettings { ManifestPath = System.IO.Path.Combine(repository, "Cargo.toml"), NoDependencies = true, WorkingDirectory = repository });

    /// <summary>cargo tree and a build of <paramref name="build"/> (the one identity's arguments) into
    /// <paramref name="targetDirectory"/> (Cook's chain: --target-dir, CARGO_TARGET_DIR, &lt;repo&gt;/target), with sccache's statistics.</summary>
    public BuildObservation Observe(string repository, string targetDirectory, BuildIdentity build, bool useSccache)
    {
        if (useSccache && context.Tools.Resolve("sccache") is null)
        {
            throw new PrewarmException("sccache not found on PATH; install it (apt-get install sccache) or pass --sccache=off");
        }

        var tree = CargoTreeParser.Parse(context.CargoTree(TreeSettings(repository, build)), "cargo tree");

        if (useSccache)
        {
            context.SccacheZeroStats();
        }

        var artifacts = CargoMessageParser.ParseArtifacts(context.CargoBuild(BuildSettings(repository, targetDirectory, build, useSccache)).Output, "cargo build --message-format=json");
        var stats = useSccache ? context.SccacheReadStats() : null;
        return new BuildObservation(tree, artifacts, stats);
    }

    /// <summary>The tree Verify checks the warmed crates against: normal and build edges of <paramref name="build"/>.</summary>
    internal static CargoTreeSettings TreeSettings(string repository, BuildIdentity build)
    {
        var settings = new CargoTreeSettings { ManifestPath = System.IO.Path.Combine(repository, "Cargo.toml"), WorkingDirectory = repository }.Making(build);
        settings.Edges.Add("normal");
        settings.Edges.Add("build");
        return settings;
    }

    /// <summary>The build Verify counts fresh units in: <paramref name="build"/> with cargo's JSON messages.</summary>
    internal static CargoBuildSettings BuildSettings(string repository, string targetDirectory, BuildIdentity build, bool useSccache) => new CargoBuildSettings
    {
        ManifestPath = System.IO.Path.Combine(repository, "Cargo.toml"),
        TargetDirectory = new DirectoryPath(targetDirectory),
        MessageFormat = "json",
        WorkingDirectory = repository,
        RustcWrapper = useSccache ? "sccache" : null,
    }.Making(build);
}
