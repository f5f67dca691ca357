using Prewarm.Core.Docker;
using Prewarm.Core.Recipes;

namespace Prewarm.Core.Settings;

/// <summary>
/// The one place options become typed settings: each option's type and default are decided here and
/// nowhere else. Relative paths resolve against the working directory (prewarm.toml's own paths were
/// already made relative to the file when it was read).
/// </summary>
public static class SettingsBinder
{
    public static PrewarmSettings Bind(OptionReader options, string workingDirectory) => new()
    {
        Shared = BindShared(options, workingDirectory),
        Scan = new ScanSettings { Exclude = options.List("exclude") },
        Recipe = new RecipeSettings
        {
            TiersFile = Absolute(options.Text("tiers"), workingDirectory),
            TierMaxCrates = options.Integer("tier-max-crates", 0),
            TierTimings = options.List("tier-timings").Select(file => Absolute(file, workingDirectory)!).ToList(),
        },
        Cook = new CookSettings
        {
            TargetDirectory = Absolute(options.Text("target-dir"), workingDirectory),
            Offline = options.Switch("offline") ?? false,
        },
        Verify = new VerifySettings
        {
            MinHitRate = options.Number("min-hit-rate") ?? 80,
            MinFreshShare = options.Number("min-fresh-share") ?? 95,
            MinBuilderShare = options.Number("min-builder-share") ?? 0,
        },
        Doctor = new DoctorSettings
        {
            CargoHome = options.Text("cargo-home"),
            SccacheDir = options.Text("sccache-dir"),
            MinFreeGb = options.Number("min-free-gb") ?? 5,
            Uid = options.Integer("uid", 0),
            Gid = options.Integer("gid", 0),
        },
        Benchmark = new BenchmarkSettings { Runs = options.Integer("runs", 1) ?? 3 },
        Docker = BindDocker(options, workingDirectory),
    };

    /// <summary>The Docker options: parsed and checked here, so a bad value fails before any task runs.</summary>
    public static DockerSettings BindDocker(OptionReader options, string workingDirectory)
    {
        var defaults = new DockerSettings();
        return new DockerSettings
        {
            BaseImage = options.Parsed("base-image", ImageName) ?? defaults.BaseImage,
            BuilderImage = options.Parsed("builder-image", ImageName),
            BuilderTag = options.Parsed("builder-tag", ImageName) ?? defaults.BuilderTag,
            Uid = options.Integer("uid", 0) ?? defaults.Uid,
            Gid = options.Integer("gid", 0) ?? defaults.Gid,
            Layout = options.ParsedValue("cargo-layout", CargoLayoutPaths.ParseLayout) ?? defaults.Layout,
            DependencyStorage = options.ParsedValue("deps-storage", DependencyStorageNames.Parse) ?? defaults.DependencyStorage,
            Syntax = options.Parsed("dockerfile-syntax", ImageName) ?? defaults.Syntax,
            Cross = options.Switch("cross") ?? false,
            Templates = Absolute(options.Text("templates"), workingDirectory),
            Platforms = options.ParsedEach("platform", v => BuildPlatform.ParseList([v])).SelectMany(p => p).Distinct().ToList(),
            Tags = options.ParsedEach("tag", ImageName),
            CacheFrom = options.ParsedEach("cache-from", v => CacheSpec.Parse(v, export: false)),
            CacheTo = options.ParsedEach("cache-to", v => CacheSpec.Parse(v, export: true)),
            Secrets = options.ParsedEach("secret", SecretSpec.Parse),
            BuildArgs = options.ParsedEach("build-arg", BuildArguments.Parse),
            Push = options.Switch("push") ?? false,
            Load = options.Switch("load") ?? false,
            Builder = options.Text("builder"),
            Progress = options.Choice("progress", "plain", "auto", "tty", "quiet"),
            DockerCli = options.Text("docker"),
            Frontend = options.Choice("frontend", "auto", "directive", "builtin"),
            ImageVersion = options.Text("image-version"),
            SourceUrl = options.Text("source-url"),
        };
    }

    /// <summary>An image reference as docker takes it: no spaces, not an option.</summary>
    private static string ImageName(string value) =>
        value.Any(char.IsWhiteSpace) || value.StartsWith('-') ? throw new PrewarmException("not an image reference") : value;

    private static SharedSettings BindShared(OptionReader options, string workingDirectory)
    {
        var repositories = options.Values("repo");
        return new SharedSettings
        {
            Repositories = (repositories.Count > 0 ? repositories : ["."])
                .Select(r => Absolute(r, workingDirectory)!)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Artifacts = Absolute(options.Text("artifacts") ?? "artifacts/prewarm", workingDirectory)!,
            Sccache = options.Switch("sccache") switch
            {
                null => SccacheMode.Auto,
                true => SccacheMode.On,
                false => SccacheMode.Off,
            },
            Build = new BuildIdentity
            {
                Profile = Profile(options),
                Target = options.Text("rust-target"),
                Features = BuildEnvironment.NormalizeFeatures(options.List("features")),
                NoDefaultFeatures = options.Switch("no-default-features") ?? false,
                AllFeatures = options.Switch("all-features") ?? false,
                Packages = options.List("package"),
                Bins = options.List("bin"),
            },
        };
    }

    private static string Profile(OptionReader options)
    {
        var profile = options.Text("profile");
        var release = options.Switch("release") ?? false;
        if (profile is not null && release && profile != "release")
        {
            throw new PrewarmException($"--release and --profile={profile} contradict each other; pass one");
        }

        return profile ?? (release ? "release" : BuildIdentity.DefaultProfile);
    }

    private static string? Absolute(string? path, string workingDirectory) =>
        path is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory)) is { Length: > 0 } full ? full : "/";
}
