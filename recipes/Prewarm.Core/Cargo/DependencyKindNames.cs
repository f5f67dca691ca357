namespace Prewarm.Core.Cargo;

/// <summary>Cargo's spelling of a <see cref="DependencyKind"/>: what <c>cargo metadata</c> prints and
/// what the frequency report shows.</summary>
public static class DependencyKindNames
{
    /// <summary><c>null</c> for normal dependencies, as cargo metadata has it.</summary>
    public static string? ToMetadataKind(this DependencyKind kind) => kind switch
    {
        DependencyKind.Development => "dev",
        DependencyKind.Build => "build",
        _ => null,
    };

    /// <summary>"normal", "dev" or "build".</summary>
    public static string ToDisplayName(this DependencyKind kind) => kind.ToMetadataKind() ?? "normal";
}
