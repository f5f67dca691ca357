namespace Prewarm.Core.Cargo;

/// <summary>The table a dependency was declared in, as cargo metadata names it
/// (<c>null</c>, <c>"dev"</c>, <c>"build"</c>).</summary>
public enum DependencyKind
{
    Normal,
    Development,
    Build,
}
