namespace Prewarm.Core.Cargo;

/// <summary>One dependency of a package after workspace inheritance, in the terms cargo metadata
/// uses for it (the oracle our tests compare against).</summary>
public sealed record CargoDependency
{
    /// <summary>The depended-on package's name (<c>package = "…"</c> when renamed, else the key).</summary>
    public required string Name { get; init; }

    /// <summary>The key in the manifest when it differs from <see cref="Name"/> (a <c>package = </c> rename), else null.</summary>
    public string? Rename { get; init; }

    public required DependencyKind Kind { get; init; }

    /// <summary>The platform from <c>[target.'cfg(…)'.…]</c> or <c>[target.&lt;triple&gt;.…]</c>; null for all platforms.</summary>
    public string? Target { get; init; }

    /// <summary>The version requirement as cargo prints it (<c>"1.0"</c> becomes <c>"^1.0"</c>; no version: <c>"*"</c>).</summary>
    public required string Req { get; init; }

    /// <summary>Features requested, in manifest order (workspace features first when inherited).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public bool UsesDefaultFeatures { get; init; } = true;

    public bool Optional { get; init; }

    /// <summary>Cargo's source id: <c>registry+https://github.com/rust-lang/crates.io-index</c>,
    /// <c>git+URL?branch=…</c>, a custom registry's index, or null for a path dependency.</summary>
    public string? Source { get; init; }

    /// <summary>A path dependency's directory, relative to the repository root with '/' separators.</summary>
    public string? Path { get; init; }

    public string? Git { get; init; }
    public string? Branch { get; init; }
    public string? Tag { get; init; }
    public string? Rev { get; init; }

    /// <summary>The <c>registry = "…"</c> name, when not crates.io.</summary>
    public string? Registry { get; init; }

    /// <summary>True when declared with <c>workspace = true</c>.</summary>
    public bool Inherited { get; init; }

    /// <summary>The name the crate is known by in code: the rename when there is one.</summary>
    public string KeyName => Rename ?? Name;
}
