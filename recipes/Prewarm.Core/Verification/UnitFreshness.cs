using System.Text.Json;

namespace Prewarm.Core.Verification;

/// <summary>
/// How many compiled units cargo reused, with external dependencies (registry and git crates)
/// apart from the workspace's own path crates: pre-warming is about the former.
/// </summary>
public sealed record UnitFreshness(int DependencyUnits, int FreshDependencyUnits, int WorkspaceUnits, int FreshWorkspaceUnits)
{
    /// <summary>Fresh dependency units as a percentage; null when the build had no dependency units.</summary>
    public double? DependencyFreshPercent =>
        DependencyUnits == 0 ? null : 100.0 * FreshDependencyUnits / DependencyUnits;

    /// <summary>The four counts, as members of the JSON object <paramref name="json"/> is writing (the
    /// Verify and Benchmark reports name them alike).</summary>
    public void WriteCounts(Utf8JsonWriter json)
    {
        json.WriteNumber("dependencies", DependencyUnits);
        json.WriteNumber("freshDependencies", FreshDependencyUnits);
        json.WriteNumber("workspace", WorkspaceUnits);
        json.WriteNumber("freshWorkspace", FreshWorkspaceUnits);
    }

    public static UnitFreshness From(IEnumerable<CompilerArtifact> artifacts)
    {
        int dependencies = 0, freshDependencies = 0, workspace = 0, freshWorkspace = 0;
        foreach (var artifact in artifacts)
        {
            if (artifact.Package.IsExternal)
            {
                dependencies++;
                freshDependencies += artifact.Fresh ? 1 : 0;
            }
            else
            {
                workspace++;
                freshWorkspace += artifact.Fresh ? 1 : 0;
            }
        }

        return new UnitFreshness(dependencies, freshDependencies, workspace, freshWorkspace);
    }
}
