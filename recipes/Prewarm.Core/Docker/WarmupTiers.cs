using Prewarm.Core.Warmup;

namespace Prewarm.Core.Docker;

/// <summary>The warmup tiers to stack as layers, in the order Recipe wrote them: the most widely
/// shared first, so a change in a later tier never invalidates an earlier one. The names are the
/// catalog's or <c>--tiers</c>'s, never a fixed set.</summary>
public static class WarmupTiers
{
    /// <summary>The tiers present under <paramref name="warmupRoot"/> in layer order, as Recipe recorded them.</summary>
    public static IReadOnlyList<string> Present(string warmupRoot) => WarmupTierList.Read(warmupRoot);

    /// <summary>Whether <paramref name="tier"/> can be a tier (directory, crate name, layer).</summary>
    public static bool IsValidName(string tier) => WarmupTierName.IsValid(tier);
}
