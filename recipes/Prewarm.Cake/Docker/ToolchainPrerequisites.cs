using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toolchain;

namespace Prewarm.Cake.Docker;

/// <summary>A repository to check, with the directory its files are named under.</summary>
internal sealed record ToolchainSource(string Root, CargoRepository Repository);

/// <summary>What <see cref="ToolchainPrerequisites"/> found: the image's toolchain (null when it was not
/// asked: nothing needs it, or it could not be, see <paramref name="Unknown"/>), and the one-line problem.</summary>
internal sealed record ToolchainVerdict(ImageToolchain? Toolchain, string? Problem, string? Unknown);

/// <summary>
/// Before building (and in Doctor): the base image's cargo and rustc must read the repositories' root
/// lockfile and build their editions and <c>rust-version</c>s (<see cref="ToolchainRequirements"/>), else
/// one line names the file, what it needs and what the image has. The image is asked once per image id,
/// with <c>docker run … sh -c 'cargo -V &amp;&amp; rustc -V'</c>; the answer is kept in
/// <c>docker/toolchains.json</c> under the artifacts, so the next run starts no container.
/// </summary>
internal sealed class ToolchainPrerequisites(ICakeContext context, DockerEngine engine, ArtifactsLayout layout)
{
    /// <summary>The platform whose toolchain runs cargo: the build platform's with <c>--cross</c>, or when
    /// it is among those built (or none is named); else the first one named (built under emulation).</summary>
    public BuildPlatform PlatformFor(IReadOnlyList<BuildPlatform> platforms, bool cross) =>
        cross || platforms.Count == 0 || platforms.Any(p => BinfmtSupport.RunsNatively(p, engine.NativePlatform))
            ? engine.NativePlatform
            : platforms[0];

    /// <summary>The Image task's check, before anything is built: the repositories <paramref name="compiles"/>
    /// names (id and directory) as Scan recorded them in scan.json, against <paramref name="image"/>.
    /// A problem is thrown; an image that cannot be asked is a warning (the build will tell).</summary>
    public void Require(IReadOnlyList<(string Id, string Root)> compiles, string image, IReadOnlyList<BuildPlatform> platforms, bool cross)
    {
        if (compiles.Count == 0)
        {
            return;
        }

        if (!File.Exists(layout.ScanDocument))
        {
            Loud($"{layout.ScanDocument}: not found; the check of {image}'s cargo and rustc is skipped (the Scan task writes it)");
            return;
        }

        var scanned = ScanDocument.Read(layout.ScanDocument).Repositories;
        var sources = compiles.Select(c => scanned.FirstOrDefault(r => r.Id == c.Id) is { } repository ? new ToolchainSource(c.Root, repository) : null)
            .OfType<ToolchainSource>().ToList();
        var verdict = Examine(sources, image, PlatformFor(platforms, cross));
        if (verdict.Unknown is { } unknown)
        {
            Loud($"{unknown}; the toolchain check is skipped");
        }

        if (verdict.Problem is { } problem)
        {
            throw new PrewarmException(problem);
        }
    }

    public ToolchainVerdict Examine(IReadOnlyList<ToolchainSource> sources, string image, BuildPlatform platform)
    {
        var needs = sources.Select(s => (s.Root, Needs: ToolchainRequirements.Of(s.Repository))).Where(s => s.Needs.Count > 0).ToList();
        if (needs.Count == 0)
        {
            return new ToolchainVerdict(null, null, null);
        }

        var (toolchain, unknown) = Ask(image, platform);
        if (toolchain is null)
        {
            return new ToolchainVerdict(null, null, unknown);
        }

        // rustup in the image switches to the toolchain a repository's rust-toolchain[.toml] pins: not the one asked.
        needs = toolchain.Rustup ? needs.Where(s => ConfigFileNames.Read(s.Root, ConfigFileNames.RustToolchain) is null).ToList() : needs;
        var problem = needs.Select(s => ToolchainShortfall.Describe(ToolchainRequirements.Check(s.Needs, toolchain), s.Root, image))
            .FirstOrDefault(p => p is not null);
        return new ToolchainVerdict(toolchain, problem, null);
    }

    /// <summary>The toolchain <paramref name="image"/> holds for <paramref name="platform"/>: remembered
    /// for its image id, else asked (pulling the image when the engine lacks it) and remembered.</summary>
    private (ImageToolchain? Toolchain, string? Unknown) Ask(string image, BuildPlatform platform)
    {
        var cache = new ToolchainCache(layout.ImageToolchains);
        var id = LocalId(image, platform);
        if (id is not null && cache.Find(id) is { } known)
        {
            return (known, null);
        }

        var run = context.DockerRunShell(image, ImageToolchain.Script, new DockerRunSettings { ToolPath = engine.Cli, Platform = platform.ToString() });
        var toolchain = run.Succeeded ? ImageToolchain.Parse(run.Output) : null;
        if (toolchain is null)
        {
            var why = run.Succeeded ? $"unexpected output '{run.Output.Trim()}'" : run.ErrorSummary;
            return (null, $"could not ask {image} ({platform}) for its cargo and rustc with sh -c '{ImageToolchain.Script}': {why}");
        }

        if ((id ?? LocalId(image, platform)) is { } asked)
        {
            cache.Remember(asked, toolchain);
        }

        return (toolchain, null);
    }

    /// <summary>The id of the engine's copy of <paramref name="image"/> when it is for <paramref name="platform"/>, else null.</summary>
    private string? LocalId(string image, BuildPlatform platform)
    {
        var inspect = context.DockerImageInspect(image, engine.Settings<DockerImageInspectSettings>());
        return inspect.Succeeded && ImagePlatforms.Provides(ImagePlatforms.ParseImage(inspect.Output, image), platform)
            ? ToolchainCache.ImageId(inspect.Output)
            : null;
    }

    private void Loud(string message) => context.Log.Write(Verbosity.Quiet, LogLevel.Warning, "{0}", message);
}
