using System.Reflection;
using Prewarm.Core.Docker;
using Prewarm.Core.Warmup;
using static Prewarm.Core.Configuration.OptionKind;
using static Prewarm.Core.Configuration.OptionParsers;

namespace Prewarm.Core.Configuration;

/// <summary>
/// Every setting Prewarm reads, each in one entry: names, kind, parser, default, description and the
/// tasks that read it. <see cref="Settings.SettingsBinder"/> binds the settings from these entries, prewarm.toml
/// and the command line are checked against them (a typo is an error), and the README's argument
/// tables are checked against them by a test.
/// </summary>
public static class OptionCatalog
{
    private const string Builds = "Scan Recipe Cook Dockerfile Image BuilderImage Verify Doctor Benchmark";
    private const string Profiled = "Recipe Cook Dockerfile BuilderImage Benchmark";
    private const string Images = "Image BuilderImage";

    public static readonly ListOption<string> Repo = new("", "repo", AsIs, "Repository roots to work on.", Builds, "the working directory") { IsPath = true, SplitCommas = false };
    public static readonly ValueOption<string> Artifacts = new("", "artifacts", Text, AsIs, "artifacts/prewarm/", "Where every output is written.", $"{Builds} Clean") { IsPath = true };
    public static readonly ListOption<string> Exclude = new("", "exclude", AsIs, "Directories of each repository (relative to it) that Scan does not search for manifests: test data that is not a package.", "Scan");
    public static readonly ValueOption<bool?> Sccache = new("", "sccache", OptionKind.Boolean, v => Switch(v), null,
        "Compile through sccache (in the image with its own cache mount) and check its hit rate in Verify.", "Dockerfile BuilderImage Verify Benchmark", "on where installed, off in the Dockerfile");

    public static readonly ListOption<string> Package = new("recipe", "package", AsIs, "Keep only these workspace members and their dependency closure.", "Recipe Cook", "whole workspace");
    public static readonly ListOption<string> Bin = new("recipe", "bin", AsIs, "Keep only the packages owning these binaries.", "Recipe Cook", "whole workspace");
    public static readonly ValueOption<string> Profile = new("recipe", "profile", Text, AsIs, "dev",
        "Cargo profile to cook and build with (dev, release, custom), the same for Recipe, Cook, the Dockerfile and Benchmark.", Profiled);
    public static readonly ValueOption<bool> Release = new("recipe", "release", OptionKind.Boolean, Switch, false, "Shorthand for profile = \"release\".", Profiled);
    public static readonly ValueOption<string?> RustTarget = new("recipe", "rust-target", Text, AsIs, null, "Target triple to cook and build for (cargo --target; Cake owns --target).", "Scan Recipe Cook Verify", "host");
    public static readonly ListOption<string> Features = new("recipe", "features", AsIs, "Cargo features to enable.", "Recipe Cook");
    public static readonly ValueOption<bool> NoDefaultFeatures = new("recipe", "no-default-features", OptionKind.Boolean, Switch, false, "cargo --no-default-features, for every stage that compiles.", Profiled);
    public static readonly ValueOption<bool> AllFeatures = new("recipe", "all-features", OptionKind.Boolean, Switch, false, "cargo --all-features, for every stage that compiles.", Profiled);
    public static readonly ValueOption<string?> TargetDir = new("recipe", "target-dir", Text, AsIs, null,
        "Cargo's target directory, for Cook, Verify's local build and Doctor alike (use the same for the real build).", "Cook Verify Doctor", "$CARGO_TARGET_DIR, else <repo>/target")
    { IsPath = true, EnvironmentVariable = "CARGO_TARGET_DIR" };

    public static readonly ValueOption<string?> Tiers = new("recipe", "tiers", Text, AsIs, null, "JSON file of warmup tiers replacing the seed catalog: {\"tiers\": {\"core\": [...], ...}}.", "Scan Recipe", "seed catalog") { IsPath = true };
    public static readonly ValueOption<int?> TierMaxCrates = new("recipe", "tier-max-crates", Integer, v => WholeNumber(0)(v), null,
        "The most crates one warmup tier selects itself, in rank order (repositories using it, then transitive size); 0 = no cap.", "Scan Recipe", $"{WarmupOptions.DefaultTierMaxCrates}");
    public static readonly ListOption<string> TierTimings = new("recipe", "tier-timings", AsIs, "cargo build --timings reports (target/cargo-timings/cargo-timing.html) whose measured compile times rank crates used by as many repositories.", "Scan Recipe");
    public static readonly ValueOption<bool> Offline = new("recipe", "offline", OptionKind.Boolean, Switch, false, "Run cargo with --offline when cooking.", "Cook");

    public static readonly ValueOption<string> BaseImage = new("docker", "base-image", Text, ImageName, DockerfileOptions.DefaultBaseImage, "Image the builder starts FROM.", "Dockerfile BuilderImage Doctor");
    public static readonly ValueOption<int> Uid = new("docker", "uid", Integer, WholeNumber(0), DockerfileOptions.DefaultUid,
        "The build user's id: the Dockerfile's user, who owns the cache mounts, and the owner Doctor expects of the caches.", "Dockerfile BuilderImage Doctor");
    public static readonly ValueOption<int> Gid = new("docker", "gid", Integer, WholeNumber(0), DockerfileOptions.DefaultUid, "The build user's group id.", "Dockerfile BuilderImage Doctor");
    public static readonly ValueOption<CargoLayout> Layout = new("docker", "layout", Text, CargoLayoutPaths.ParseLayout, CargoLayout.CargoHome,
        "cargo-home or symlinked (registry and git linked into the cache).", "Dockerfile", CargoLayoutPaths.Spell(CargoLayout.CargoHome)) { Argument = "cargo-layout" };
    public static readonly ValueOption<DependencyStorage> DepsStorage = new("docker", "deps-storage", Text, DependencyStorageNames.Parse, DependencyStorage.Image,
        "image (compiled dependencies in the image's layers: warm on any runner that pulls it) or cache-mount (BuildKit cache mounts: warm only on the machine that built it).", "Dockerfile",
        DependencyStorageNames.Spell(DependencyStorage.Image));
    public static readonly ValueOption<bool?> Seed = new("docker", "seed", OptionKind.Boolean, v => Switch(v), null,
        "Start the dependency steps from the compiled units of the tag's previous image (the engine's, or pulled from its registry): after a dependency change cargo compiles only the changed crates and what depends on them. off: from the warmup tiers alone, as cargo-chef does.",
        "Dockerfile Image", "on, but with --cross or --deps-storage=cache-mount");
    public static readonly ValueOption<string?> BuilderImage = new("docker", "builder-image", Text, ImageName, null,
        "An organisation builder image (made by the BuilderImage task) to build FROM: its compiled dependencies are reused, the skeleton compiles only what it lacks.", "Dockerfile Image", "none");
    public static readonly ValueOption<string> BuilderTag = new("docker", "builder-tag", Text, ImageName, "prewarm/builder:latest",
        "Tag of the organisation builder image the BuilderImage task builds; a content tag beside it names its inputs.", "BuilderImage");
    public static readonly ValueOption<double> MinBuilderShare = new("verify", "min-builder-share", Number, NonNegative, 0,
        "Lowest acceptable share, percent, of a repository's dependency units its builder image supplied (0: reported, not held).", "Verify");
    public static readonly ListOption<BuildPlatform> Platform = new("docker", "platform", BuildPlatform.Parse, "Target platforms, e.g. linux/amd64,linux/arm64.", $"{Images} Doctor", "the engine's own");
    public static readonly ValueOption<bool> Cross = new("docker", "cross", OptionKind.Boolean, Switch, false,
        "Cross-compile: the dependency steps run on the build platform and compile for each --platform with cargo --target (needs the target's linker and Rust standard library in the base image); off: foreign platforms build under emulation.",
        "Dockerfile Image Doctor");
    public static readonly ListOption<string> Tag = new("docker", "tag", ImageName, "Image tags.", "Image Doctor", "prewarm/<repo-id>-builder:latest") { SplitCommas = false };
    public static readonly ListOption<CacheSpec> CacheFrom = new("docker", "cache-from", v => CacheSpec.Parse(v, export: false), "BuildKit cache sources (type=registry,ref=…; type=local,src=…; type=gha).", Images) { SplitCommas = false };
    public static readonly ListOption<CacheSpec> CacheTo = new("docker", "cache-to", v => CacheSpec.Parse(v, export: true), "BuildKit cache exports (type=registry,ref=…,mode=max; type=local,dest=…; type=gha; type=inline).", Images) { SplitCommas = false };
    public static readonly ValueOption<bool> Push = new("docker", "push", OptionKind.Boolean, Switch, false, "Push the image.", $"{Images} Doctor");
    public static readonly ValueOption<bool> Load = new("docker", "load", OptionKind.Boolean, Switch, false, "Load the image into the local engine.", "Image");
    public static readonly ValueOption<string?> Builder = new("docker", "builder", Text, AsIs, null, "buildx builder to use.", Images, "buildx's current one");
    public static readonly ValueOption<string> Progress = new("docker", "progress", Text, Choice("plain", "auto", "tty", "quiet"), "plain", "BuildKit's progress output: plain, auto, tty or quiet.", Images);
    public static readonly ListOption<KeyValuePair<string, string>> BuildArg = new("docker", "build-arg", BuildArguments.Parse, "Extra build arguments, KEY=value (never secrets).", Images) { SplitCommas = false };
    public static readonly ListOption<SecretSpec> Secret = new("docker", "secret", SecretSpec.Parse, "BuildKit secrets, id=…,src=… or id=…,env=….", Images) { SplitCommas = false };
    public static readonly ValueOption<string?> Cli = new("docker", "cli", Text, AsIs, null, "The docker CLI to use.", $"{Images} Doctor", "the first that can build: buildx, else DOCKER_BUILDKIT=1") { Argument = "docker" };
    public static readonly ValueOption<string> Frontend = new("docker", "frontend", Text, Choice("auto", "directive", "builtin"), "auto",
        "auto, directive or builtin: how the integrated BuildKit treats '# syntax=' when it cannot pull the frontend.", Images);
    public static readonly ValueOption<string> DockerfileSyntax = new("docker", "dockerfile-syntax", Text, ImageName, DockerfileOptions.DefaultSyntax, "The '# syntax=' frontend image.", "Dockerfile BuilderImage");
    public static readonly ValueOption<string?> Templates = new("docker", "templates", Text, AsIs, null, "A directory whose templates override the embedded ones.", "Dockerfile BuilderImage", "the embedded ones") { IsPath = true };
    public static readonly ValueOption<string?> ImageVersion = new("docker", "image-version", Text, AsIs, null, "org.opencontainers.image.version label.", Images, "git describe");
    public static readonly ValueOption<string?> SourceUrl = new("docker", "source-url", Text, AsIs, null, "org.opencontainers.image.source label.", Images, "the origin remote");

    public static readonly ValueOption<double> MinHitRate = new("verify", "min-hit-rate", Number, NonNegative, 80, "Lowest acceptable sccache hit rate, percent.", "Verify");
    public static readonly ValueOption<double> MinFreshShare = new("verify", "min-fresh-share", Number, NonNegative, 95, "Lowest acceptable share of fresh dependency units, percent.", "Verify");

    public static readonly ValueOption<string?> CargoHome = new("doctor", "cargo-home", Text, AsIs, null, "CARGO_HOME to check.", "Doctor", "$CARGO_HOME, else ~/.cargo")
    { IsPath = true, EnvironmentVariable = "CARGO_HOME" };
    public static readonly ValueOption<string?> SccacheDir = new("doctor", "sccache-dir", Text, AsIs, null, "SCCACHE_DIR to check.", "Doctor", "$SCCACHE_DIR, else ~/.cache/sccache")
    { IsPath = true, EnvironmentVariable = "SCCACHE_DIR" };
    public static readonly ValueOption<double> MinFreeGb = new("doctor", "min-free-gb", Number, NonNegative, 5, "Least free disk space, in GB.", "Doctor");

    public static readonly ValueOption<int> Runs = new("benchmark", "runs", Integer, WholeNumber(1), 3, "Runs per measurement.", "Benchmark");

    /// <summary>Every entry above, in order.</summary>
    public static IReadOnlyList<PrewarmOption> All { get; } = typeof(OptionCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType.IsAssignableTo(typeof(PrewarmOption)))
        .Select(field => (PrewarmOption)field.GetValue(null)!)
        .ToList();

    /// <summary>Options whose values are paths: in prewarm.toml they are relative to the file.</summary>
    public static IReadOnlySet<string> PathArguments { get; } =
        All.Where(o => o.IsPath).Select(o => o.Argument).ToHashSet(StringComparer.Ordinal);

    public static PrewarmOption? FindByArgument(string argument) =>
        All.FirstOrDefault(o => string.Equals(o.Argument, argument, StringComparison.OrdinalIgnoreCase));

    public static PrewarmOption? FindByTomlPath(string path) =>
        All.FirstOrDefault(o => string.Equals(o.TomlPath, path, StringComparison.Ordinal));
}
