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

    public static DependencyFrequencyReport Build(IReadOnlyList<CargoRepository> repositories, WarmupOptions options) =>
        Build(repositories, options, WarmupPlanner.Decide(repositories, options));

    /// <summary>The report with its tier column taken from <paramref name="plan"/>, the plan made for these
    /// repositories with <paramref name="options"/> (the one Recipe lays its tiers out from).</summary>
    public static DependencyFrequencyReport Build(IReadOnlyList<CargoRepository> repositories, WarmupOptions options, WarmupPlan plan)
    {
        // One pass over every use of an external crate, each (name, line) row collecting its sets as it
        // goes: a large workspace has thousands of uses of a few dozen crates.
        var rows = new Dictionary<(string Name, string Line), Row>();
        foreach (var repository in repositories)
        {
            foreach (var package in repository.Packages)
            {
                var lockfile = repository.LockfileFor(package);
                foreach (var dependency in package.Dependencies)
                {
                    if (dependency.Source is null)
                    {
                        continue;
                    }

                    var locked = lockfile is null ? null : WarmupDemand.Resolve(lockfile, package, dependency);
                    var key = (dependency.Name, locked is not null ? CompatibilityLine.Of(locked.Version) : dependency.Req == "*" ? "*" : CompatibilityLine.Of(dependency.Req));
                    if (!rows.TryGetValue(key, out var row))
                    {
                        rows[key] = row = new Row();
                    }

                    row.Add(repository, package, dependency, locked, lockfile, WarmupDemand.IsBuilt(dependency, options));
                }
            }
        }

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

        var crates = new List<CrateUsage>(rows.Count);
        foreach (var ((name, line), row) in rows)
        {
            var decision = plan.DecisionFor(name, line);
            int? transitiveSize = null;
            foreach (var (lockfile, locked) in row.Locked)
            {
                transitiveSize = Math.Max(transitiveSize ?? int.MinValue, TransitiveSize(lockfile, locked));
            }

            crates.Add(new CrateUsage
            {
                Name = name,
                Line = line,
                Repositories = Sorted(row.Repositories),
                Packages = Sorted(row.Packages),
                Kinds = Sorted(row.Kinds),
                Features = Sorted(row.Features),
                DefaultFeatures = row.DefaultFeatures,
                Requirements = Sorted(row.Requirements),
                LockedVersions = Sorted(row.LockedVersions),
                Sources = Sorted(row.Sources),
                TransitiveSize = transitiveSize,
                BuildRepositories = Sorted(row.BuildRepositories),
                Tier = decision?.Tier,
                TierReason = decision?.Reason ?? WhyNoDecision(row.Dependencies, plan.FromLockfiles),
                TierRank = decision?.Rank,
                CompileSeconds = decision?.CompileSeconds,
            });
        }

        crates.Sort(RankOrder);
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

    /// <summary>The tiers' ranking: most build repositories, then largest transitive size, name, newer line
    /// (name and line are the row's key, so no two rows tie).</summary>
    private static int RankOrder(CrateUsage a, CrateUsage b)
    {
        var order = b.BuildRepositories.Count.CompareTo(a.BuildRepositories.Count);
        order = order != 0 ? order : (b.TransitiveSize ?? 0).CompareTo(a.TransitiveSize ?? 0);
        order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
        return order != 0 ? order : CompatibilityLine.Compare(b.Line, a.Line);
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

    private static IReadOnlyList<string> Sorted(HashSet<string> values)
    {
        var sorted = values.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>What the uses of one crate on one line add up to, collected in one pass.</summary>
    private sealed class Row
    {
        public HashSet<string> Repositories { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Packages { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Kinds { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Features { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Requirements { get; } = new(StringComparer.Ordinal);
        public HashSet<string> LockedVersions { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);
        public HashSet<string> BuildRepositories { get; } = new(StringComparer.Ordinal);
        public HashSet<(Lockfile, LockedPackage)> Locked { get; } = [];
        public List<CargoDependency> Dependencies { get; } = [];
        public bool DefaultFeatures { get; private set; }

        // The package key is built once per package, not once per use of a crate it uses twice.
        private readonly HashSet<(string Repository, string Package)> _packages = [];

        public void Add(CargoRepository repository, CargoPackage package, CargoDependency dependency, LockedPackage? locked, Lockfile? lockfile, bool built)
        {
            Repositories.Add(repository.Id);
            if (_packages.Add((repository.Id, package.Name)))
            {
                Packages.Add($"{repository.Id}/{package.Name}");
            }

            Kinds.Add(dependency.Kind.ToDisplayName());
            Features.UnionWith(dependency.Features);
            DefaultFeatures |= dependency.UsesDefaultFeatures;
            Requirements.Add(dependency.Req);
            Sources.Add(dependency.Source!);
            if (locked is not null)
            {
                LockedVersions.Add(locked.Version);
                Locked.Add((lockfile!, locked));
            }

            if (built)
            {
                BuildRepositories.Add(repository.Id);
            }

            Dependencies.Add(dependency);
        }
    }
}

/// <summary>One warmup tier in the frequency report: its name and the crates (<c>name line</c>) it took itself, in rank order.</summary>
public sealed record TierSummary(string Name, IReadOnlyList<string> Crates)
{
    public int CrateCount => Crates.Count;
}
