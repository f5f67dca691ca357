using System.Text.Json;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>The <c>compiler-artifact</c> lines of <c>cargo build --message-format=json</c>: which unit, and was it fresh.</summary>
internal static class BuildMessages
{
    public sealed record Artifact(string PackageId, string Target, bool Fresh)
    {
        /// <summary>Not a path package: registry (or git) dependencies are what cooking must pre-build.</summary>
        public bool IsExternal => !PackageId.StartsWith("path+", StringComparison.Ordinal);

        public override string ToString() => $"{PackageId} [{Target}] fresh={Fresh}";
    }

    public static IReadOnlyList<Artifact> Parse(string standardOutput) =>
        standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(m => m.GetProperty("reason").GetString() == "compiler-artifact")
            .Select(m => new Artifact(
                m.GetProperty("package_id").GetString()!,
                string.Join(",", m.GetProperty("target").GetProperty("kind").EnumerateArray().Select(k => k.GetString())) + ":" + m.GetProperty("target").GetProperty("name").GetString(),
                m.GetProperty("fresh").GetBoolean()))
            .ToList();
}
