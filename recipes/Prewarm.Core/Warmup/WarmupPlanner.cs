using System.Globalization;

namespace Prewarm.Core.Warmup;

/// <summary>Chooses the crates worth pre-compiling and lays them out in tiers.
/// <list type="number">
/// <item>Only what <c>cargo build</c> compiles for the target counts: dev-only crates and crates of other
/// platforms (<c>cfg(windows)</c>, wasm) are left out (<see cref="CrateDemand.LeftOut"/>).</item>
/// <item>Rows are per crate and compatibility line (clap 3 and clap 4 are two rows, two picks).</item>
/// <item>Ranked by the number of repositories whose build compiles it (not packages: one big workspace
/// does not outrank what most repositories use), then by the compile time a <c>cargo build --timings</c>
/// measured for it and its closure (when given: <see cref="WarmupOptions.Timings"/>), then by transitive size
/// from Cargo.lock, then name.</item>
/// <item>A crate is eligible when the catalog names it or at least <see cref="WarmupCatalog.MinRepositories"/>
/// repositories use it (and, if asked, it is 1.0 or later). The catalog's tier takes a named crate; an unnamed
/// one joins the highest tier any catalog crate in its closure belongs to (a crate built on tokio is web), else
/// the lowest.</item>
/// <item>Each tier takes at most <see cref="WarmupOptions.TierMaxCrates"/> crates of its own, in rank order.</item>
/// </list>
/// Every row gets a <see cref="TierDecision"/> saying which tier took it and why, or why none did.</summary>
public static class WarmupPlanner
{
    /// <summary>The tiers for the seed's catalog semantics with the default options; see <see cref="Decide(IReadOnlyList{CrateDemand}, WarmupOptions, int?)"/>.</summary>
    public static IReadOnlyList<WarmupCrate> Plan(IReadOnlyList<CrateDemand> demand, WarmupCatalog catalog) =>
        Decide(demand, WarmupOptions.Default with { Catalog = catalog }).Crates;

    public static IReadOnlyList<WarmupCrate> Plan(IReadOnlyList<CrateDemand> demand, WarmupOptions options) => Decide(demand, options).Crates;

    /// <summary>The plan for scanned repositories: every registry dependency of every package resolved
    /// against its lockfile, then decided. Scan makes it once for its frequency report and hands it on to
    /// Recipe with its result; a stage that did not run after Scan in this process makes it anew.</summary>
    public static WarmupPlan Decide(IReadOnlyList<Cargo.CargoRepository> repositories, WarmupOptions options) =>
        Decide(WarmupDemand.From(repositories, options), options, repositories.Count);

    /// <summary>Tiers and a decision per demand row; the catalog alone (<see cref="FromCatalog"/>) when
    /// nothing was scanned. <paramref name="scannedRepositories"/> is the "of N" in the reasons (default:
    /// the repositories named in the demand).</summary>
    public static WarmupPlan Decide(IReadOnlyList<CrateDemand> demand, WarmupOptions options, int? scannedRepositories = null)
    {
        var catalog = options.Catalog;
        if (demand.Count == 0)
        {
            return CatalogPlan(catalog);
        }

        var total = scannedRepositories ?? demand.SelectMany(d => d.RepositoryIds).Distinct(StringComparer.Ordinal).Count();
        var ranked = Rank(demand).ToList();
        var byTier = catalog.Tiers.ToDictionary(t => t.Key, _ => new List<CrateDemand>(), StringComparer.Ordinal);
        var decisions = new List<TierDecision>();
        var rank = 0;
        foreach (var crate in ranked)
        {
            int? position = crate.Built ? ++rank : null;
            var used = $"used by {crate.Repositories} of {total} repositories"
                + (crate.CompileSeconds is { } seconds ? $", {CompileTimes.Format(seconds)} s to compile with its dependencies (measured)" : "");
            var named = catalog.TierOf(crate.Name);
            string? tier = null;
            string reason;
            if (crate.LeftOut is { } why)
            {
                reason = $"left out: {why}";
            }
            else if (named is null && crate.Repositories < catalog.MinRepositories)
            {
                reason = $"left out: {used}, minRepositories is {catalog.MinRepositories}";
            }
            else if (named is null && catalog.RequireStable && !crate.Stable)
            {
                reason = $"left out: {crate.Version} is before 1.0 (requireStable)";
            }
            else
            {
                var (candidate, why2) = TierFor(crate, catalog);
                if (options.TierMaxCrates > 0 && byTier[candidate].Count >= options.TierMaxCrates)
                {
                    reason = $"left out: tier cap {options.TierMaxCrates} reached ({candidate}; {used})";
                }
                else
                {
                    tier = candidate;
                    byTier[candidate].Add(crate);
                    reason = $"{candidate}: {used}{why2}";
                }
            }

            decisions.Add(new TierDecision(crate.Name, crate.Line, crate.Version, tier, reason, position, crate.Repositories) { CompileSeconds = crate.CompileSeconds });
        }

        return new WarmupPlan(Layer(catalog, byTier), decisions, FromLockfiles: true);
    }

    /// <summary>The order tiers fill in: repositories using it (most first), measured compile time of it and its
    /// closure (longest first; unmeasured last), transitive size (largest first), name, then the newer line first.</summary>
    public static IOrderedEnumerable<CrateDemand> Rank(IEnumerable<CrateDemand> demand) =>
        demand
            .OrderByDescending(d => d.Built)
            .ThenByDescending(d => d.Repositories)
            .ThenByDescending(d => d.CompileSeconds ?? -1)
            .ThenByDescending(d => d.TransitiveSize)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version, Comparer<string>.Create(CompatibilityLine.Compare));

    /// <summary>The catalog on its own, for when no repository was scanned: its crates at its default
    /// requirements and features (no lockfile: nothing to take versions from).</summary>
    public static IReadOnlyList<WarmupCrate> FromCatalog(WarmupCatalog catalog) => CatalogPlan(catalog).Crates;

    private static WarmupPlan CatalogPlan(WarmupCatalog catalog)
    {
        var byTier = catalog.Tiers.ToDictionary(t => t.Key, _ => new List<CrateDemand>(), StringComparer.Ordinal);
        var decisions = new List<TierDecision>();
        foreach (var (tier, names) in catalog.Tiers)
        {
            foreach (var name in names)
            {
                var requirement = catalog.DefaultRequirements.GetValueOrDefault(name, "*");
                var locked = new Cargo.LockedPackage { Name = name, Version = requirement };
                byTier[tier].Add(new CrateDemand
                {
                    Name = name,
                    Version = requirement,
                    Locked = locked,
                    Lockfile = new Cargo.Lockfile("", 3, [locked]),
                    Features = catalog.DefaultFeatures.GetValueOrDefault(name, []),
                    DefaultFeatures = true,
                    FromLockfile = false,
                });
                decisions.Add(new TierDecision(name, CompatibilityLine.Of(requirement), requirement, tier, $"{tier}: the catalog's default, nothing scanned", null, 0));
            }
        }

        return new WarmupPlan(Layer(catalog, byTier), decisions, FromLockfiles: false);
    }

    /// <summary>Cumulative tiers: each tier's crate holds its own picks and those of the tiers below.</summary>
    private static IReadOnlyList<WarmupCrate> Layer(WarmupCatalog catalog, Dictionary<string, List<CrateDemand>> byTier)
    {
        var crates = new List<WarmupCrate>();
        var below = new List<CrateDemand>();
        foreach (var (tier, _) in catalog.Tiers)
        {
            // Rank order is only for reading; the manifest sorts by name.
            below.AddRange(byTier[tier]);
            crates.Add(new WarmupCrate(tier, below.ToList()));
        }

        return crates;
    }

    private static (string Tier, string Why) TierFor(CrateDemand crate, WarmupCatalog catalog)
    {
        if (catalog.TierOf(crate.Name) is { } named)
        {
            return (named, $"; the catalog puts {crate.Name} in {named}");
        }

        var highest = crate.Lockfile.TransitiveClosure(crate.Locked)
            .Select(p => (p.Name, Index: catalog.TierOf(p.Name) is { } t ? catalog.IndexOf(t) : -1))
            .Where(p => p.Index > 0)
            .OrderByDescending(p => p.Index)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return highest.Name is null
            ? (catalog.Tiers[0].Key, "")
            : (catalog.Tiers[highest.Index].Key, string.Create(CultureInfo.InvariantCulture, $"; builds on {highest.Name} ({catalog.Tiers[highest.Index].Key})"));
    }
}

/// <summary>The tiers chosen and, per crate and compatibility line, the decision.</summary>
public sealed record WarmupPlan(IReadOnlyList<WarmupCrate> Crates, IReadOnlyList<TierDecision> Decisions, bool FromLockfiles)
{
    public TierDecision? DecisionFor(string name, string line) =>
        Decisions.FirstOrDefault(d => d.Name == name && d.Line == line);
}

/// <summary>Which tier took one crate on one compatibility line (null: none) and why, in words:
/// <c>core: used by 7 of 10 repositories</c>, <c>left out: dev-only</c>, <c>left out: tier cap 40 reached (core; …)</c>.
/// <see cref="Rank"/> is its place in the ranking of built crates (1 = most used); null when no build compiles it.</summary>
public sealed record TierDecision(string Name, string Line, string Version, string? Tier, string Reason, int? Rank, int Repositories)
{
    /// <summary>Measured seconds to compile it with its closure (<c>cargo build --timings</c>); null when unmeasured.</summary>
    public double? CompileSeconds { get; init; }
}
