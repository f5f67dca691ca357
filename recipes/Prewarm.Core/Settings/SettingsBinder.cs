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
            Packages = options.List("package"),
            Bins = options.List("bin"),
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
        Docker = BindDocker(options),
    };

    /// <summary>Left for the Docker work: bind the Docker options (see <see cref="DockerSettings"/>) here.</summary>
    public static DockerSettings BindDocker(OptionReader options) => new();

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
            Build = new BuildProfile
            {
                Profile = Profile(options),
                RustTarget = options.Text("rust-target"),
                Features = BuildEnvironment.NormalizeFeatures(options.List("features")),
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

        return profile ?? (release ? "release" : BuildProfile.DefaultProfile);
    }

    private static string? Absolute(string? path, string workingDirectory) =>
        path is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory)) is { Length: > 0 } full ? full : "/";
}
