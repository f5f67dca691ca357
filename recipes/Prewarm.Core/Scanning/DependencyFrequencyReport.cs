using Prewarm.Core.Cargo;
using Prewarm.Core.Warmup;

namespace Prewarm.Core.Scanning;

/// <summary>Which crates the scanned repositories depend on and how often: the basis for choosing
/// what to pre-warm. One row per crate and compatibility line, ordered as the warmup tiers rank them:
/// by the number of repositories whose <c>cargo build</c> compiles it (most first), transitive size
/// (largest first), name (ordinal), newer line first. Each row says which tier took it and why.</summary>
public sealed record DependencyFrequencyReport
{
    public required IReadOnlyList<string> Repositories { get; init; }
    public required int PackageCount { get; init; }
    public required IReadOnlyList<CrateUsage> Crates { get; init; }

    /// <summary>The target triple <c>[target.…]</c> dependencies were evaluated against.</summary>
    public string BuildTarget { get; init; } = TargetPlatform.DefaultTriple;

    /// <summary>The most crates one tier takes of its own (0: no cap).</summary>
    public int TierMaxCrates { get; init; } = WarmupOptions.DefaultTierMaxCrates;

    /// <summary>The warmup tiers in layer order with the crates each took itself (<c>name line</c>), in rank order
    /// (the catalog's crates when no Cargo.lock was scanned).</summary>
    public IReadOnlyList<TierSummary> Tiers { get; init; } = [];

    public static DependencyFrequencyReport Build(IReadOnlyList<CargoRepository> repositories) => Build(repositories, WarmupOptions.Default);

    public static DependencyFrequencyReport Build(IReadOnlyList<CargoRepository> repositories, WarmupOptions options)
    {
        var uses = new List<(CargoRepository Repository, CargoPackage Package, CargoDependency Dependency, LockedPackage? Locked, Lockfile? Lockfile)>();
        foreach (var repository in repositories)
        {
            foreach (var package in repository.Packages)
            {
                var lockfile = repository.LockfileFor(package);
                foreach (var dependency in package.Dependencies.Where(d => d.Source is not null))
                {
                    uses.Add((repository, package, dependency, lockfile is null ? null : WarmupDemand.Resolve(lockfile, package, dependency), lockfile));
                }
            }
        }

        var plan = WarmupPlans.For(repositories, options);
        // One closure per locked crate, not per use: serde is used by every package of a large workspace.
        var closureSizes = new Dictionary<(Lockfile, LockedPackage), int>();
        int TransitiveSize(Lockfile lockfile, LockedPackage locked)
        {
            if (!closureSizes.TryGetValue((lockfile, locked), out var size))
            {
                closureSizes[(lockfile, locked)] = size = lockfile.TransitiveClosure(locked).Count + 1;
            }

            return size;
        }

        var crates = uses
            .GroupBy(u => (u.Dependency.Name, Line: u.Locked is { } l ? CompatibilityLine.Of(l.Version) : u.Dependency.Req == "*" ? "*" : CompatibilityLine.Of(u.Dependency.Req)))
            .Select(g =>
            {
                var decision = plan.DecisionFor(g.Key.Name, g.Key.Line);
                return new CrateUsage
                {
                    Name = g.Key.Name,
                    Line = g.Key.Line,
                    Repositories = Sorted(g.Select(u => u.Repository.Id)),
                    Packages = Sorted(g.Select(u => $"{u.Repository.Id}/{u.Package.Name}")),
                    Kinds = Sorted(g.Select(u => u.Dependency.Kind.ToDisplayName())),
                    Features = Sorted(g.SelectMany(u => u.Dependency.Features)),
                    DefaultFeatures = g.Any(u => u.Dependency.UsesDefaultFeatures),
                    Requirements = Sorted(g.Select(u => u.Dependency.Req)),
                    LockedVersions = Sorted(g.Where(u => u.Locked is not null).Select(u => u.Locked!.Version)),
                    Sources = Sorted(g.Select(u => u.Dependency.Source!)),
                    TransitiveSize = g.Where(u => u.Locked is not null).Select(u => (int?)TransitiveSize(u.Lockfile!, u.Locked!)).Max(),
                    BuildRepositories = Sorted(g.Where(u => WarmupDemand.IsBuilt(u.Dependency, options)).Select(u => u.Repository.Id)),
                    Tier = decision?.Tier,
                    TierReason = decision?.Reason ?? WhyNoDecision(g.Select(u => u.Dependency).ToList(), plan.FromLockfiles),
                    TierRank = decision?.Rank,
                    CompileSeconds = decision?.CompileSeconds,
                };
            })
            .OrderByDescending(c => c.BuildRepositories.Count)
            .ThenByDescending(c => c.TransitiveSize ?? 0)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenByDescending(c => c.Line, Comparer<string>.Create(CompatibilityLine.Compare))
            .ToList();

        return new DependencyFrequencyReport
        {
            Repositories = repositories.Select(r => r.Id).ToList(),
            PackageCount = repositories.Sum(r => r.Packages.Count),
            Crates = crates,
            BuildTarget = options.Target.Triple,
            TierMaxCrates = options.TierMaxCrates,
            Tiers = options.Catalog.Tiers.Select(t => new TierSummary(t.Key, plan.Decisions.Where(d => d.Tier == t.Key).Select(d => $"{d.Name} {d.Line}").ToList())).ToList(),
        };
    }

    /// <summary>The reason for a row the tiers never saw: not from a registry, or in no lockfile.</summary>
    private static string WhyNoDecision(IReadOnlyList<CargoDependency> dependencies, bool planned)
    {
        if (dependencies.All(d => d.Git is not null || d.Source?.StartsWith("git+", StringComparison.Ordinal) == true))
        {
            return "left out: a git dependency (only registry crates are warmed)";
        }

        if (dependencies.All(d => d.Source?.StartsWith("registry+", StringComparison.Ordinal) != true && d.Source?.StartsWith("sparse+", StringComparison.Ordinal) != true))
        {
            return "left out: not from a registry";
        }

        return planned ? "left out: in no scanned Cargo.lock (the version to warm is unknown)" : "left out: no Cargo.lock scanned (the tiers are the catalog's defaults, and it names no such crate)";
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>One warmup tier in the frequency report: its name and the crates (<c>name line</c>) it took itself, in rank order.</summary>
public sealed record TierSummary(string Name, IReadOnlyList<string> Crates)
{
    public int CrateCount => Crates.Count;
}
