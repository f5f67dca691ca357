namespace Prewarm.Core.Recipes;

/// <summary>Which cargo invocation <see cref="BuildIdentity.CargoArguments"/> spells the identity for.</summary>
public enum CargoStep
{
    /// <summary><c>cargo build</c> of the skeleton or the real sources: profile, selection, target, feature switches.</summary>
    Build,

    /// <summary><c>cargo build</c> of a warmup tier (a crate of its own, whose features its manifest names):
    /// profile and target only, so its units are the ones the skeleton's build reuses.</summary>
    Warmup,

    /// <summary><c>cargo tree</c>: selection (packages; cargo tree has no <c>--bin</c>), target, feature switches; no profile.</summary>
    Tree,
}
