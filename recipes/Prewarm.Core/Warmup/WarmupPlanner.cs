namespace Prewarm.Core.Warmup;

/// <summary>Chooses the crates worth pre-compiling and lays them out in tiers. A crate is picked
/// when the catalog names it or enough repositories use it (and, if asked, it is 1.0 or later);
/// an unnamed crate joins the highest tier any catalog crate in its closure belongs to (a crate
/// built on tokio is web), else core. Per crate and compatibility line one version is kept: the
/// one most repositories locked (then the newest), since one crate cannot hold two.</summary>
public static class WarmupPlanner
{
    public static IReadOnlyList<WarmupCrate> Plan(IReadOnlyList<CrateDemand> demand, WarmupCatalog catalog)
    {
        var picked = demand
            .Where(d => catalog.TierOf(d.Name) is not null
                || (d.Repositories >= catalog.MinRepositories && (!catalog.RequireStable || d.Stable)))
            .GroupBy(d => (d.Name, Line: CompatibilityLine.Of(d.Version)))
            .Select(g => g.OrderByDescending(d => d.Repositories)
                .ThenByDescending(d => d.Version, Comparer<string>.Create(CompatibilityLine.Compare))
                .First())
            .ToList();

        var byTier = catalog.Tiers.ToDictionary(t => t.Key, _ => new List<CrateDemand>(), StringComparer.Ordinal);
        foreach (var crate in picked)
        {
            byTier[TierFor(crate, catalog)].Add(crate);
        }

        var crates = new List<WarmupCrate>();
        var below = new List<CrateDemand>();
        foreach (var (tier, _) in catalog.Tiers)
        {
            // Most used and most expensive first is only for reading; the manifest sorts by name.
            below.AddRange(byTier[tier].OrderByDescending(c => c.Repositories).ThenByDescending(c => c.TransitiveSize).ThenBy(c => c.Name, StringComparer.Ordinal));
            crates.Add(new WarmupCrate(tier, below.ToList()));
        }

        return crates;
    }

    /// <summary>The catalog on its own, for when no repository was scanned: its crates at its default
    /// requirements and features (no lockfile: nothing to take versions from).</summary>
    public static IReadOnlyList<WarmupCrate> FromCatalog(WarmupCatalog catalog)
    {
        var demand = catalog.Tiers.SelectMany(t => t.Value).Select(name =>
        {
            var requirement = catalog.DefaultRequirements.GetValueOrDefault(name, "*");
            var locked = new Cargo.LockedPackage { Name = name, Version = requirement };
            return new CrateDemand
            {
                Name = name,
                Version = requirement,
                Locked = locked,
                Lockfile = new Cargo.Lockfile("", 3, [locked]),
                Features = catalog.DefaultFeatures.GetValueOrDefault(name, []),
                DefaultFeatures = true,
                FromLockfile = false,
            };
        }).ToList();
        return Plan(demand, catalog);
    }

    private static string TierFor(CrateDemand crate, WarmupCatalog catalog)
    {
        if (catalog.TierOf(crate.Name) is { } named)
        {
            return named;
        }

        var highest = crate.Lockfile.TransitiveClosure(crate.Locked)
            .Select(p => catalog.TierOf(p.Name))
            .OfType<string>()
            .Select(catalog.IndexOf)
            .DefaultIfEmpty(0)
            .Max();
        return catalog.Tiers[highest].Key;
    }
}
