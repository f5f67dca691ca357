using System.Reflection;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Cake.Tools.Git;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Cake.Tools.Sccache;

namespace Prewarm.Tests.Tools;

/// <summary>The tool aliases run the same wrappers the tasks do (the real Cake runner runs them in
/// <see cref="Distribution.CakeScriptAliasTests"/>).</summary>
[TestFixture]
public sealed class ToolAliasTests
{
    [Test]
    public void Every_tool_alias_is_an_extension_of_the_cake_context()
    {
        var aliases = typeof(CargoAliases).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Prewarm.Cake.Tools", StringComparison.Ordinal) == true && t.Name.EndsWith("Aliases", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .ToList();

        aliases.Select(m => m.Name).Order(StringComparer.Ordinal).ShouldBe([
            "CargoBuild", "CargoMetadata", "CargoTree", "DfUsage",
            "DockerBuildxBuild", "DockerBuildxCreate", "DockerBuildxInspectDriver", "DockerBuildxVersion", "DockerImageExists",
            "DockerImageInspect", "DockerImageRepoDigests", "DockerImageSize", "DockerIntegratedBuild", "DockerManifestCreate",
            "DockerManifestInspect", "DockerManifestPush", "DockerPull", "DockerPush", "DockerReadFile", "DockerReadFiles",
            "DockerRunShell", "DockerSelectEngine", "DockerTag", "DockerVersion", "GitDescribe", "GitHead", "GitOriginUrl",
            "RustcVerboseVersion", "SccacheReadStats", "SccacheStartServer", "SccacheStopServer", "SccacheZeroStats", "StatOwner",
        ]);
        aliases.ShouldAllBe(m => m.GetCustomAttribute<CakeMethodAliasAttribute>() != null && m.GetParameters()[0].ParameterType == typeof(ICakeContext));
    }

    [Test]
    public void Aliases_start_the_tools_with_their_settings()
    {
        var context = new RecordingCakeContext();
        context.Runner.StandardOutput = ["{\"stats\":{\"cache_hits\":{\"counts\":{\"Rust\":1}}}}"];

        context.CargoMetadata(new CargoMetadataSettings { NoDependencies = true, ManifestPath = new FilePath("/w/Cargo.toml") });
        context.CargoTree(new CargoTreeSettings());
        context.CargoBuild(new CargoBuildSettings { Workspace = true });
        context.RustcVerboseVersion();
        context.SccacheZeroStats();
        context.SccacheReadStats();
        context.DockerBuildxBuild(new DockerBuildxBuildSettings { Context = new DirectoryPath("/c"), Progress = null });
        context.DockerTag("a:1", "a:2", new DockerTagSettings());
        context.DockerPull("a:1", new DockerPullSettings { Quiet = false });
        context.DockerManifestInspect("a:1", new DockerManifestSettings());
        context.DockerRunShell("a:1", "true", new DockerRunSettings { Platform = "linux/arm64" });
        context.GitHead(new GitSettings());

        context.Runner.Started.Select(s => $"{s.Tool.GetFilename()} {s.Settings.Arguments.Render()}").ShouldBe([
            "cargo metadata --format-version 1 --no-deps --manifest-path \"/w/Cargo.toml\"",
            "cargo tree --prefix \"depth\" --format \"{p}\"",
            "cargo build --workspace",
            "rustc -vV",
            "sccache --zero-stats",
            "sccache --show-stats --stats-format=json",
            "docker buildx build \"/c\"",
            "docker tag \"a:1\" \"a:2\"",
            "docker pull \"a:1\"",
            "docker manifest inspect -v \"a:1\"",
            "docker run --rm --platform linux/arm64 --entrypoint sh \"a:1\" -c \"true\"",
            "git rev-parse HEAD",
        ]);
    }
}
