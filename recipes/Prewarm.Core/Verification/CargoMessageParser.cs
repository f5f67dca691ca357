using System.Text.Json;

namespace Prewarm.Core.Verification;

/// <summary>Reads the JSON lines of <c>cargo build --message-format=json</c>; other message kinds
/// and non-JSON lines (a build script's stray output) are skipped.</summary>
public static class CargoMessageParser
{
    public static IReadOnlyList<CompilerArtifact> ParseArtifacts(string output, string origin)
    {
        var artifacts = new List<CompilerArtifact>();
        var lines = output.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using (var document = ToolOutputJson.Parse(line, origin, "not a JSON message", index + 1))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("reason", out var reason)
                    || reason.ValueKind != JsonValueKind.String
                    || reason.GetString() != "compiler-artifact")
                {
                    continue;
                }

                artifacts.Add(ReadArtifact(root, origin, index + 1));
            }
        }

        return artifacts;
    }

    private static CompilerArtifact ReadArtifact(JsonElement root, string origin, int line)
    {
        var packageText = root.TryGetProperty("package_id", out var packageId) && packageId.ValueKind == JsonValueKind.String
            ? packageId.GetString()!
            : string.Empty;
        if (!CargoPackageId.TryParse(packageText, out var package))
        {
            throw new PrewarmException($"{origin}: line {line}: compiler-artifact without a readable package_id ('{packageText}')");
        }

        var targetName = string.Empty;
        var kinds = new List<string>();
        if (root.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object)
        {
            if (target.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                targetName = name.GetString()!;
            }

            if (target.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.Array)
            {
                kinds.AddRange(kind.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!));
            }
        }

        var fresh = root.TryGetProperty("fresh", out var freshElement) && freshElement.ValueKind == JsonValueKind.True;
        var features = root.TryGetProperty("features", out var featureList) && featureList.ValueKind == JsonValueKind.Array
            ? featureList.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
        var filenames = root.TryGetProperty("filenames", out var fileList) && fileList.ValueKind == JsonValueKind.Array
            ? fileList.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToList()
            : [];
        return new CompilerArtifact(package, targetName, kinds, fresh) { Features = features, Filenames = filenames };
    }
}
