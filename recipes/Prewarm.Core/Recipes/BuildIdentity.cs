using System.Text.Json.Serialization;

namespace Prewarm.Core.Recipes;

/// <summary>
/// The one build every stage that compiles makes: profile, target triple, feature switches and the
/// member selection. Recipe records it (<c>recipe-manifest.json</c>); the Dockerfile's skeleton and
/// real build, Cook, the local Verify, Benchmark and the organisation builder's per-repository steps
/// spell it with <see cref="CargoArguments"/>, and a later stage run with another selection is refused
/// (<see cref="Difference"/>).
/// </summary>
public sealed record BuildIdentity
{
    public const string DefaultProfile = "dev";

    /// <summary><c>dev</c>, <c>release</c> or a custom profile (<c>--profile</c>, <c>--release</c>).</summary>
    public string Profile { get; init; } = DefaultProfile;

    /// <summary>cargo <c>--target</c> (<c>--rust-target</c>), null for the host.</summary>
    public string? Target { get; init; }

    /// <summary>cargo <c>--features</c>, sorted ordinally, duplicates removed.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>cargo <c>--no-default-features</c>.</summary>
    public bool NoDefaultFeatures { get; init; }

    /// <summary>cargo <c>--all-features</c>.</summary>
    public bool AllFeatures { get; init; }

    /// <summary>cargo <c>-p</c> (<c>--package</c>): empty for the whole workspace.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>cargo <c>--bin</c>: empty for every binary of the selection.</summary>
    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>The packages owning <see cref="Bins"/>, resolved by Recipe (cargo tree has no <c>--bin</c>).</summary>
    public IReadOnlyList<string> BinPackages { get; init; } = [];

    [JsonIgnore]
    public bool IsFiltered => Packages.Count > 0 || Bins.Count > 0;

    /// <summary>The directory cargo names after the profile: <c>debug</c> for dev/test, <c>release</c> for release/bench.</summary>
    [JsonIgnore]
    public string ProfileDirectory => Profile switch
    {
        "dev" or "test" => "debug",
        "release" or "bench" => "release",
        _ => Profile,
    };

    /// <summary>Where cargo writes the profile's outputs under its target directory: <c>TRIPLE/PROFILE</c> with a target, else <c>PROFILE</c>.</summary>
    [JsonIgnore]
    public string OutputDirectory => Target is null ? ProfileDirectory : $"{Target}/{ProfileDirectory}";

    /// <summary>The selection as the skeleton builder takes it.</summary>
    public RecipeOptions Selection() => new() { Packages = Packages, Bins = Bins };

    /// <summary>The one spelling of this identity as cargo arguments, for <paramref name="step"/>.</summary>
    public IReadOnlyList<string> CargoArguments(CargoStep step)
    {
        var args = new List<string>();
        if (step != CargoStep.Tree)
        {
            switch (Profile)
            {
                case DefaultProfile:
                    break;
                case "release":
                    args.Add("--release");
                    break;
                default:
                    args.AddRange(["--profile", Profile]);
                    break;
            }
        }

        if (step != CargoStep.Warmup)
        {
            var packages = step == CargoStep.Tree ? Packages.Concat(BinPackages).Distinct(StringComparer.Ordinal).ToList() : Packages;
            if (!IsFiltered)
            {
                args.Add("--workspace");
            }

            foreach (var package in packages)
            {
                args.AddRange(["-p", package]);
            }

            if (step == CargoStep.Build)
            {
                foreach (var bin in Bins)
                {
                    args.AddRange(["--bin", bin]);
                }
            }
        }

        if (Target is not null)
        {
            args.AddRange(["--target", Target]);
        }

        if (step != CargoStep.Warmup)
        {
            if (Features.Count > 0)
            {
                args.AddRange(["--features", string.Join(",", Features)]);
            }

            if (AllFeatures)
            {
                args.Add("--all-features");
            }

            if (NoDefaultFeatures)
            {
                args.Add("--no-default-features");
            }
        }

        return args;
    }

    /// <summary>The first option in which <paramref name="run"/> differs from this recorded identity, as
    /// "--option: recorded X, this run Y"; null when they are the same build.</summary>
    public string? Difference(BuildIdentity run)
    {
        string? Differs(string option, string recorded, string now) =>
            recorded == now ? null : $"{option}: made for {recorded}, this run builds {now}";

        static string List(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(",", values);
        static string Sorted(IReadOnlyList<string> values) => List(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        static string Switch(bool on) => on ? "on" : "off";

        return Differs("--profile", Profile, run.Profile)
            ?? Differs("--rust-target", Target ?? "(host)", run.Target ?? "(host)")
            ?? Differs("--features", Sorted(Features), Sorted(run.Features))
            ?? Differs("--no-default-features", Switch(NoDefaultFeatures), Switch(run.NoDefaultFeatures))
            ?? Differs("--all-features", Switch(AllFeatures), Switch(run.AllFeatures))
            ?? Differs("--package", Sorted(Packages), Sorted(run.Packages))
            ?? Differs("--bin", Sorted(Bins), Sorted(run.Bins));
    }
}
