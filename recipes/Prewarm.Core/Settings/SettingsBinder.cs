using Prewarm.Core.Configuration;
using Prewarm.Core.Recipes;
using Prewarm.Core.Services;
using O = Prewarm.Core.Configuration.OptionCatalog;

namespace Prewarm.Core.Settings;

/// <summary>
/// The one place options become typed settings, each read through its <see cref="OptionCatalog"/>
/// entry (its parser and default). Relative paths resolve against the working directory (prewarm.toml's own paths were
/// already made relative to the file when it was read).
/// </summary>
public static class SettingsBinder
{
    /// <summary>The run's settings from its options, and the services prewarm.toml declares (<see cref="PrewarmConfig.Services"/>).</summary>
    public static PrewarmSettings Bind(OptionReader options, string workingDirectory, IReadOnlyList<ServiceDefinition>? services = null) => new()
    {
        Shared = BindShared(options, workingDirectory),
        Scan = new ScanSettings { Exclude = options.Get(O.Exclude) },
        Recipe = new RecipeSettings
        {
            TiersFile = Absolute(options.Get(O.Tiers), workingDirectory),
            TierMaxCrates = options.Get(O.TierMaxCrates),
            TierTimings = options.Get(O.TierTimings).Select(file => Absolute(file, workingDirectory)!).ToList(),
        },
        Cook = new CookSettings
        {
            TargetDirectory = Absolute(options.Get(O.TargetDir), workingDirectory),
            Offline = options.Get(O.Offline),
        },
        Verify = new VerifySettings
        {
            MinHitRate = options.Get(O.MinHitRate),
            MinFreshShare = options.Get(O.MinFreshShare),
            MinBuilderShare = options.Get(O.MinBuilderShare),
        },
        Doctor = new DoctorSettings
        {
            CargoHome = options.Get(O.CargoHome),
            SccacheDir = options.Get(O.SccacheDir),
            MinFreeGb = options.Get(O.MinFreeGb),
            Uid = options.Get(O.Uid),
            Gid = options.Get(O.Gid),
        },
        Benchmark = new BenchmarkSettings { Runs = options.Get(O.Runs) },
        Docker = BindDocker(options, workingDirectory),
        Services = services ?? [],
    };

    /// <summary>The Docker options: parsed and checked here, so a bad value fails before any task runs.</summary>
    public static DockerSettings BindDocker(OptionReader options, string workingDirectory) => new()
    {
        BaseImage = options.Get(O.BaseImage),
        BuilderImage = options.Get(O.BuilderImage),
        BuilderTag = options.Get(O.BuilderTag),
        Uid = options.Get(O.Uid),
        Gid = options.Get(O.Gid),
        Layout = options.Get(O.Layout),
        DependencyStorage = options.Get(O.DepsStorage),
        Syntax = options.Get(O.DockerfileSyntax),
        Cross = options.Get(O.Cross),
        Seed = options.Get(O.Seed),
        Templates = Absolute(options.Get(O.Templates), workingDirectory),
        Platforms = options.Get(O.Platform).Distinct().ToList(),
        Tags = options.Get(O.Tag),
        CacheFrom = options.Get(O.CacheFrom),
        CacheTo = options.Get(O.CacheTo),
        Secrets = options.Get(O.Secret),
        BuildArgs = options.Get(O.BuildArg),
        Push = options.Get(O.Push),
        Load = options.Get(O.Load),
        Builder = options.Get(O.Builder),
        Progress = options.Get(O.Progress),
        DockerCli = options.Get(O.Cli),
        Frontend = options.Get(O.Frontend),
        ImageVersion = options.Get(O.ImageVersion),
        SourceUrl = options.Get(O.SourceUrl),
    };

    private static SharedSettings BindShared(OptionReader options, string workingDirectory)
    {
        var repositories = options.Get(O.Repo);
        return new SharedSettings
        {
            Repositories = (repositories.Count > 0 ? repositories : ["."])
                .Select(r => Absolute(r, workingDirectory)!)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Artifacts = Absolute(options.Get(O.Artifacts), workingDirectory)!,
            Sccache = options.Get(O.Sccache) switch
            {
                null => SccacheMode.Auto,
                true => SccacheMode.On,
                false => SccacheMode.Off,
            },
            Build = new BuildIdentity
            {
                Profile = Profile(options),
                Target = options.Get(O.RustTarget),
                Features = BuildEnvironment.NormalizeFeatures(options.Get(O.Features)),
                NoDefaultFeatures = options.Get(O.NoDefaultFeatures),
                AllFeatures = options.Get(O.AllFeatures),
                Packages = options.Get(O.Package),
                Bins = options.Get(O.Bin),
            },
        };
    }

    private static string Profile(OptionReader options)
    {
        var profile = options.Get(O.Profile);
        var release = options.Get(O.Release);
        if (options.Given(O.Profile) && release && profile != "release")
        {
            throw new PrewarmException($"--release and --profile={profile} contradict each other; pass one");
        }

        return release ? "release" : profile;
    }

    private static string? Absolute(string? path, string workingDirectory) =>
        path is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory)) is { Length: > 0 } full ? full : "/";
}
