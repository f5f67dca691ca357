using Prewarm.Core.Cargo;
using Prewarm.Core.Warmup;

namespace Prewarm.Core.Scanning;

/// <summary>What the Scan stage hands to the stages after it in the same run: the repositories as scanned
/// (manifest texts included, so Recipe reads no file again) and the warmup plan the frequency report's
/// tier column was made from, which Recipe lays the tiers out from. A stage run without Scan before it
/// (<c>--exclusive</c>) reads <c>scan.json</c> instead (<see cref="ScanReader"/>) and plans anew.</summary>
/// <param name="Repositories">In <c>--repo</c> order.</param>
/// <param name="Warmup">The options the plan was made with.</param>
/// <param name="WarmupPlan">The tiers and a decision per crate.</param>
public sealed record ScanResult(IReadOnlyList<CargoRepository> Repositories, WarmupOptions Warmup, WarmupPlan WarmupPlan);
