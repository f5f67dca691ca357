using System.Text.Json;

namespace Prewarm.Core.Warmup;

/// <summary>Which crates belong to which layered tier, lowest first. Tiers are cumulative: a tier's
/// crate depends on everything of the tiers before it, so web may assume core is compiled and db
/// may assume web. The seed's catalog is the default; <c>--tiers=FILE</c> replaces it with JSON
/// <c>{"tiers": {"core": ["serde", …], "web": […]}, "minRepositories": 1, "requireStable": false}</c>.</summary>
public sealed record WarmupCatalog
{
    /// <summary>Tier name → crates, in layer order.</summary>
    public required IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Tiers { get; init; }

    /// <summary>A crate outside the catalog is selected when at least this many repositories use it.</summary>
    public int MinRepositories { get; init; } = 1;

    /// <summary>Leave out crates before 1.0 that the catalog does not name (they change too often to cache well).</summary>
    public bool RequireStable { get; init; }

    /// <summary>Features the catalog asks for when nothing was scanned (the seed's "tokio with rt-multi-thread, macros, net").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultFeatures { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Requirements used when nothing was scanned (no lockfile to take versions from).</summary>
    public IReadOnlyDictionary<string, string> DefaultRequirements { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static WarmupCatalog Default { get; } = new()
    {
        Tiers =
        [
            new("core", ["anyhow", "bytes", "chrono", "futures", "itertools", "log", "once_cell", "rand", "regex", "serde", "serde_json", "thiserror", "tracing", "uuid"]),
            new("web", ["clap", "http", "hyper", "reqwest", "tokio", "tower", "tracing-subscriber", "ureq"]),
            new("db", ["r2d2", "rusqlite", "tokio-postgres"]),
        ],
        DefaultFeatures = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["serde"] = ["derive"],
            ["tokio"] = ["macros", "net", "rt-multi-thread"],
            ["clap"] = ["derive"],
        },
        DefaultRequirements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["anyhow"] = "1", ["bytes"] = "1", ["chrono"] = "0.4", ["futures"] = "0.3", ["itertools"] = "0.10", ["log"] = "0.4",
            ["once_cell"] = "1", ["rand"] = "0.8", ["regex"] = "1", ["serde"] = "1", ["serde_json"] = "1", ["thiserror"] = "1",
            ["tracing"] = "0.1", ["uuid"] = "1", ["clap"] = "4", ["http"] = "0.2", ["hyper"] = "0.14", ["tokio"] = "1", ["tower"] = "0.4",
            ["tracing-subscriber"] = "0.3", ["r2d2"] = "0.8", ["rusqlite"] = "0.28", ["tokio-postgres"] = "0.7",
        },
    };

    /// <summary>The tier a catalog crate is in, or null.</summary>
    public string? TierOf(string crate) => Tiers.FirstOrDefault(t => t.Value.Contains(crate)).Key;

    public int IndexOf(string tier) => Tiers.Select(t => t.Key).ToList().IndexOf(tier);

    /// <summary>Reads a tiers file; <paramref name="file"/> names it in errors.</summary>
    public static WarmupCatalog Parse(string json, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var tiers = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tier in root.GetProperty("tiers").EnumerateObject())
            {
                if (!WarmupTierName.IsValid(tier.Name))
                {
                    throw new PrewarmException($"{file}: tier name '{tier.Name}' must be lower-case letters, digits and '-' (it becomes a directory and a crate name)");
                }

                var crates = tier.Value.EnumerateArray().Select(c => c.GetString() ?? "").ToList();
                foreach (var crate in crates.Where(c => !seen.Add(c)))
                {
                    throw new PrewarmException($"{file}: crate '{crate}' is in more than one tier");
                }

                tiers.Add(new(tier.Name, crates));
            }

            if (tiers.Count == 0)
            {
                throw new PrewarmException($"{file}: \"tiers\" names no tier");
            }

            return Default with
            {
                Tiers = tiers,
                MinRepositories = root.TryGetProperty("minRepositories", out var min) ? min.GetInt32() : 1,
                RequireStable = root.TryGetProperty("requireStable", out var stable) && stable.GetBoolean(),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PrewarmException($"{file}: not a valid tiers file: {e.Message}", e);
        }
    }
}
