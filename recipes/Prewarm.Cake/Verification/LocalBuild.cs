using Cake.Core;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;
using Prewarm.Core.Recipes;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Verification;

/// <summary>Builds and inspects a repository on this machine for Verify: cargo tree, a build with
/// cargo's JSON messages, and (zeroed first) sccache's statistics.</summary>
internal sealed class LocalBuild(ICakeContext context)
{
    private readonly CargoTool _cargo = CargoTool.For(context);

    /// <summary>cargo metadata --no-deps of the repository (what Verify expects before Recipe has run).</summary>
    public string Metadata(string repository) =>
        _cargo.Metadata(new CargoMetadataSettings { ManifestPath = System.IO.Path.Combine(repository, "Cargo.toml"), NoDependencies = true, WorkingDirectory = repository });

    /// <summary>cargo tree and a build of <paramref name="build"/> (the one identity's arguments), with sccache's statistics.</summary>
    public BuildObservation Observe(string repository, BuildIdentity build, bool useSccache)
    {
        if (useSccache && context.Tools.Resolve("sccache") is null)
        {
            throw new PrewarmException("sccache not found on PATH; install it (apt-get install sccache) or pass --sccache=off");
        }

        var manifest = System.IO.Path.Combine(repository, "Cargo.toml");
        var treeSettings = new CargoTreeSettings { ManifestPath = manifest, WorkingDirectory = repository };
        foreach (var argument in build.CargoArguments(CargoStep.Tree))
        {
            treeSettings.Identity.Add(argument);
        }

        treeSettings.Edges.Add("normal");
        treeSettings.Edges.Add("build");
        var tree = CargoTreeParser.Parse(_cargo.Tree(treeSettings), "cargo tree");

        var sccache = SccacheTool.For(context);
        if (useSccache)
        {
            sccache.ZeroStats(new SccacheServerSettings());
        }

        var buildSettings = new CargoBuildSettings
        {
            ManifestPath = manifest,
            MessageFormat = "json",
            WorkingDirectory = repository,
            RustcWrapper = useSccache ? "sccache" : null,
        };
        foreach (var argument in build.CargoArguments(CargoStep.Build))
        {
            buildSettings.Identity.Add(argument);
        }

        var artifacts = CargoMessageParser.ParseArtifacts(_cargo.Build(buildSettings).Output, "cargo build --message-format=json");
        var stats = useSccache ? sccache.ReadStats(new SccacheShowStatsSettings()) : null;
        return new BuildObservation(tree, artifacts, stats);
    }
}
