using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prewarm.Core.Artifacts;
using Prewarm.Core.IO;

namespace Prewarm.Core.Recipes;

/// <summary>Everything outside the recipe that decides whether compiled dependencies can be
/// reused: toolchain, profile, target, features, RUSTFLAGS. Stored beside the recipe as
/// <c>build-env.json</c> with a SHA-256 <see cref="Fingerprint"/>; a build using the recipe
/// compares its own environment with <see cref="DriftFrom"/>.</summary>
public sealed record BuildEnvironment
{
    /// <summary><c>rustc -vV</c> as printed (trimmed, '\n' line endings): release, commit, host, LLVM.</summary>
    public required string Toolchain { get; init; }

    /// <summary><c>dev</c>, <c>release</c> or a custom profile name.</summary>
    public required string Profile { get; init; }

    /// <summary>For each directory below the root where the recipe carries a toolchain file (a nested
    /// workspace's own pin, see <see cref="Recipe.NestedToolchainDirectories"/>): <c>rustc -vV</c> run
    /// there, as <see cref="Toolchain"/> is at the root, by repository-relative directory. Written only
    /// when there is one, so other environments keep their fields and fingerprint.</summary>
    public IReadOnlyDictionary<string, string> NestedToolchains { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>--target</c> triple, or null for the host.</summary>
    public string? Target { get; init; }

    /// <summary>Requested features, sorted ordinally, duplicates removed.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>cargo <c>--no-default-features</c> (written only when set).</summary>
    public bool NoDefaultFeatures { get; init; }

    /// <summary>cargo <c>--all-features</c> (written only when set).</summary>
    public bool AllFeatures { get; init; }

    /// <summary>RUSTFLAGS (or CARGO_ENCODED_RUSTFLAGS with its separators shown as spaces); empty when unset.</summary>
    public string RustFlags { get; init; } = "";

    /// <summary>SHA-256 of the recipe.json this environment goes with.</summary>
    public required string RecipeSha256 { get; init; }

    /// <summary>SHA-256 over every field above, in a fixed order.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>The environment of <paramref name="build"/> with this toolchain and these RUSTFLAGS (recipe hash still unset).</summary>
    public static BuildEnvironment For(BuildIdentity build, string toolchain, string rustFlags) => new()
    {
        Toolchain = toolchain,
        Profile = build.Profile,
        Target = build.Target,
        Features = build.Features,
        NoDefaultFeatures = build.NoDefaultFeatures,
        AllFeatures = build.AllFeatures,
        RustFlags = rustFlags,
        RecipeSha256 = "",
    };

    public static IReadOnlyList<string> NormalizeFeatures(IEnumerable<string> features) =>
        features.SelectMany(f => f.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>One line per field that differs: what the recipe was made for and what the build uses.</summary>
    public IReadOnlyList<string> DriftFrom(BuildEnvironment build)
    {
        var drift = new List<string>();
        Compare(drift, "toolchain", FirstLine(Toolchain), FirstLine(build.Toolchain), Toolchain == build.Toolchain);
        foreach (var directory in NestedToolchains.Keys.Union(build.NestedToolchains.Keys).Order(StringComparer.Ordinal))
        {
            var recorded = NestedToolchains.GetValueOrDefault(directory);
            var used = build.NestedToolchains.GetValueOrDefault(directory);
            Compare(drift, $"toolchain in {directory}", FirstLine(recorded ?? "(none)"), FirstLine(used ?? "(none)"), recorded == used);
        }

        Compare(drift, "profile", Profile, build.Profile);
        Compare(drift, "target", Target ?? "(host)", build.Target ?? "(host)");
        Compare(drift, "features", string.Join(",", Features), string.Join(",", build.Features));
        Compare(drift, "no-default-features", NoDefaultFeatures ? "on" : "off", build.NoDefaultFeatures ? "on" : "off");
        Compare(drift, "all-features", AllFeatures ? "on" : "off", build.AllFeatures ? "on" : "off");
        Compare(drift, "RUSTFLAGS", RustFlags, build.RustFlags);
        Compare(drift, "recipe", RecipeSha256, build.RecipeSha256);
        return drift;
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonStyle.Writer))
        {
            json.WriteStartObject();
            json.WriteString("toolchain", Toolchain);
            if (NestedToolchains.Count > 0)
            {
                json.WriteStartObject("nested_toolchains");
                foreach (var (directory, toolchain) in SortedNestedToolchains())
                {
                    json.WriteString(directory, toolchain);
                }

                json.WriteEndObject();
            }

            json.WriteString("profile", Profile);
            json.WriteString("target", Target); // null for the host's
            json.WriteStringArray("features", Features);
            if (NoDefaultFeatures)
            {
                json.WriteBoolean("no_default_features", true);
            }

            if (AllFeatures)
            {
                json.WriteBoolean("all_features", true);
            }

            json.WriteString("rustflags", RustFlags);
            json.WriteString("recipe_sha256", RecipeSha256);
            json.WriteString("fingerprint", Fingerprint);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads build-env.json; <paramref name="file"/> names it in errors.</summary>
    public static BuildEnvironment FromJson(string text, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var environment = new BuildEnvironment
            {
                Toolchain = root.GetProperty("toolchain").GetString()!,
                NestedToolchains = root.TryGetProperty("nested_toolchains", out var nested)
                    ? new SortedDictionary<string, string>(nested.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), StringComparer.Ordinal)
                    : new SortedDictionary<string, string>(StringComparer.Ordinal),
                Profile = root.GetProperty("profile").GetString()!,
                Target = root.GetProperty("target").GetString(),
                Features = root.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToList(),
                NoDefaultFeatures = root.TryGetProperty("no_default_features", out var noDefault) && noDefault.GetBoolean(),
                AllFeatures = root.TryGetProperty("all_features", out var all) && all.GetBoolean(),
                RustFlags = root.GetProperty("rustflags").GetString()!,
                RecipeSha256 = root.GetProperty("recipe_sha256").GetString()!,
            };
            if (root.GetProperty("fingerprint").GetString() != environment.Fingerprint)
            {
                throw StageArtifact.Stale(file, "fingerprint does not match its fields: edited by hand?", PipelineTasks.Recipe);
            }

            return environment;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw StageArtifact.Stale(file, $"not a valid build-env.json: {e.Message}", PipelineTasks.Recipe);
        }
    }

    /// <remarks>The feature switches and nested toolchains join only when set, so an environment without them keeps the fingerprint it had before they were recorded.</remarks>
    private string Canonical() =>
        string.Join("\n", $"toolchain={Toolchain}", $"profile={Profile}", $"target={Target}", $"features={string.Join(",", Features)}", $"rustflags={RustFlags}", $"recipe={RecipeSha256}")
        + (NoDefaultFeatures ? "\nno-default-features" : "") + (AllFeatures ? "\nall-features" : "")
        + string.Concat(SortedNestedToolchains().Select(n => $"\nnested_toolchain {n.Key}={n.Value}"));

    private IEnumerable<KeyValuePair<string, string>> SortedNestedToolchains() => NestedToolchains.OrderBy(n => n.Key, StringComparer.Ordinal);

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static void Compare(List<string> drift, string field, string recipe, string build, bool? same = null)
    {
        if (!(same ?? recipe == build))
        {
            drift.Add($"{field}: recipe has '{recipe}', build uses '{build}'");
        }
    }
}
