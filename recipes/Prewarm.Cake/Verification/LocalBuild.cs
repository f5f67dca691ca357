using Cake.Core;
using Cake.Core.IO;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Verification;

/// <summary>Builds and inspects a repository on this machine for Verify: cargo tree, a build with
/// cargo's JSON messages, and (zeroed first) sccache's statistics.</summary>
internal sealed class LocalBuild(ICakeContext context)
{
    /// <summary>cargo metadata --no-deps of the repository (what Verify expects before Recipe has run).</summary>
    public string Metadata(string repository) =>
        context.CargoMetadata(new CargoMetadataSettings { ManifestPath = System.IO.Path.Combine(repository, "Cargo.toml"), NoDependencies = true, WorkingDirectory = repository });

    public BuildObservation Observe(string repository, string targetDirectory, string? rustTarget, bool useSccache)
    {
        if (useSccache && context.Tools.Resolve("sccache") is null)
        {
            throw new PrewarmException("sccache not found on PATH; install it (apt-get install sccache) or pass --sccache=off");
        }

        var manifest = System.IO.Path.Combine(repository, "Cargo.toml");
        var treeSettings = new CargoTreeSettings { ManifestPath = manifest, Workspace = true, Target = rustTarget, WorkingDirectory = repository };
        treeSettings.Edges.Add("normal");
        treeSettings.Edges.Add("build");
        var tree = CargoTreeParser.Parse(context.CargoTree(treeSettings), "cargo tree");

        if (useSccache)
        {
            context.SccacheZeroStats();
        }

        var build = new CargoBuildSettings
        {
            ManifestPath = manifest,
            Workspace = true,
            Target = rustTarget,
            TargetDirectory = new DirectoryPath(targetDirectory),
            MessageFormat = "json",
            WorkingDirectory = repository,
            RustcWrapper = useSccache ? "sccache" : null,
        };
        var artifacts = CargoMessageParser.ParseArtifacts(context.CargoBuild(build).Output, "cargo build --message-format=json");
        var stats = useSccache ? context.SccacheReadStats() : null;
        return new BuildObservation(tree, artifacts, stats);
    }
}
