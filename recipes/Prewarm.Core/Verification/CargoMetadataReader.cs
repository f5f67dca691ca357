using System.Text.Json;

namespace Prewarm.Core.Verification;

/// <summary>Reads what Verify and Benchmark need from <c>cargo metadata --format-version 1</c> (cargo's own view of the workspace).</summary>
public static class CargoMetadataReader
{
    /// <summary>Package names of the workspace members' direct registry/git dependencies (normal and build; not dev), sorted.</summary>
    public static IReadOnlyList<string> DirectExternalDependencies(string json, string origin)
    {
        using var document = ToolOutputJson.Parse(json, origin, "not JSON");
        var root = document.RootElement;
        var members = Members(root);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var package in Packages(root).Where(p => members.Contains(Text(p, "id"))))
        {
            if (!package.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateArray())
            {
                var kind = dependency.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                if (kind == "dev" || Text(dependency, "source").Length == 0)
                {
                    continue;
                }

                names.Add(Text(dependency, "name"));
            }
        }

        names.Remove(string.Empty);
        return names.ToArray();
    }

    /// <summary>Every target (lib, bin, build script, test …) of every workspace member, with its source file
    /// relative to the workspace root ('/'-separated), sorted. Targets outside the root are left out.</summary>
    public static IReadOnlyList<WorkspaceTarget> WorkspaceTargets(string json, string origin)
    {
        using var document = ToolOutputJson.Parse(json, origin, "not JSON");
        var root = document.RootElement;
        var workspaceRoot = Text(root, "workspace_root");
        if (workspaceRoot.Length == 0)
        {
            throw new PrewarmException($"{origin}: no workspace_root in cargo metadata");
        }

        var members = Members(root);
        var targets = new List<WorkspaceTarget>();
        foreach (var package in Packages(root).Where(p => members.Contains(Text(p, "id"))))
        {
            if (!package.TryGetProperty("targets", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var target in list.EnumerateArray())
            {
                var relative = Path.GetRelativePath(workspaceRoot, Text(target, "src_path")).Replace('\\', '/');
                if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                {
                    continue;
                }

                var kinds = target.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Array
                    ? k.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
                    : [];
                targets.Add(new WorkspaceTarget(Text(package, "name"), Text(target, "name"), kinds, relative));
            }
        }

        return targets.OrderBy(t => t.SourcePath, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
    }

    private static HashSet<string> Members(JsonElement root) =>
        root.TryGetProperty("workspace_members", out var members) && members.ValueKind == JsonValueKind.Array
            ? members.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
            : [];

    private static IEnumerable<JsonElement> Packages(JsonElement root) =>
        root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Array
            ? packages.EnumerateArray()
            : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
