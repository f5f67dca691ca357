using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>What <see cref="WorkspaceResolver.ResolveAll"/> found.</summary>
internal sealed class ResolvedWorkspaces
{
    /// <summary>The workspaces resolved, in their roots' path order.</summary>
    public List<CargoWorkspace> Workspaces { get; } = [];

    /// <summary>Each resolved root's <c>[workspace.dependencies]</c>, by root manifest.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, DependencySpec>> Specs { get; } = new(StringComparer.Ordinal);

    /// <summary>The workspace root each member belongs to, by member manifest.</summary>
    public Dictionary<string, string> Membership { get; } = new(StringComparer.Ordinal);

    /// <summary>Directories whose manifests cargo could not make sense of: what lies below them is not read, so
    /// one broken root is one problem, not one per package that would have inherited from it.</summary>
    public List<string> Failed { get; } = [];
}
