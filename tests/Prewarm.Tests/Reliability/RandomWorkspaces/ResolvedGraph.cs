using System.Text.Json;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>Cargo's resolved dependency graph of a workspace as sorted lines: every package with its
/// enabled features and every edge with its kinds and platforms. Local packages are named without a
/// version, since the skeleton masks local versions.</summary>
internal static class ResolvedGraph
{
    /// <summary>Asserts that cargo resolves <paramref name="rootManifest"/> of the skeleton as it resolves the
    /// original's: the same packages, features and edges.</summary>
    public static async Task ShouldResolveAlikeAsync(string skeleton, string original, string rootManifest = "Cargo.toml") =>
        (await ReadAsync(skeleton, rootManifest)).ShouldBe(await ReadAsync(original, rootManifest));

    /// <param name="locked">With <c>--locked</c> (the lockfile must hold); without, cargo resolves what is missing.</param>
    public static async Task<List<string>> ReadAsync(string directory, string rootManifest, bool locked = true)
    {
        string[] args = ["metadata", "--format-version", "1", "--offline", "--manifest-path", Path.Combine(directory, rootManifest)];
        var output = await CargoMetadata.RunAsync(directory, locked ? [.. args, "--locked"] : args);
        using var metadata = JsonDocument.Parse(output);
        var labels = metadata.RootElement.GetProperty("packages").EnumerateArray().ToDictionary(
            p => p.GetProperty("id").GetString()!,
            p => p.GetProperty("source").ValueKind == JsonValueKind.Null
                ? $"{p.GetProperty("name").GetString()} (local)"
                : $"{p.GetProperty("name").GetString()} {p.GetProperty("version").GetString()} {p.GetProperty("source").GetString()}");
        var lines = new List<string>();
        foreach (var node in metadata.RootElement.GetProperty("resolve").GetProperty("nodes").EnumerateArray())
        {
            var from = labels[node.GetProperty("id").GetString()!];
            lines.Add($"{from} features=[{string.Join(",", node.GetProperty("features").EnumerateArray().Select(f => f.GetString()))}]");
            foreach (var dependency in node.GetProperty("deps").EnumerateArray())
            {
                var kinds = dependency.GetProperty("dep_kinds").EnumerateArray()
                    .Select(k => $"{k.GetProperty("kind").GetString() ?? "normal"}@{k.GetProperty("target").GetString() ?? "any"}")
                    .Order(StringComparer.Ordinal);
                lines.Add($"{from} -> {labels[dependency.GetProperty("pkg").GetString()!]} as {dependency.GetProperty("name").GetString()} [{string.Join(",", kinds)}]");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
