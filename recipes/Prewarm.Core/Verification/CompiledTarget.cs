using Prewarm.Core.Docker;

namespace Prewarm.Core.Verification;

/// <summary>
/// The target triples a cross-compiled image's recorded build compiled for, against the one its
/// platform needs. Freshness alone would pass an image whose build compiled for the build platform
/// (a cross stage that lost its --target): the files cargo wrote say which target each unit is for.
/// </summary>
public sealed record CompiledTarget(string Expected, IReadOnlyList<string> Found)
{
    /// <summary>What the build platform's own units (no <c>--target</c> directory) are called.</summary>
    public const string Host = "the build platform (no --target)";

    public bool Matches => Found.Count == 1 && Found[0] == Expected;

    public string Mismatch => Found.Count == 0
        ? $"the image's recorded build compiled no unit for {Expected}: this platform was not cross-built"
        : $"the image's recorded build compiled for {string.Join(", ", Found)}, not {Expected}: this platform was not cross-built";

    /// <summary>The workspace's own units say it: each must lie under a <c>/&lt;triple&gt;/</c> directory
    /// of the expected target, and what they depend on was compiled for the same target. Dependencies
    /// alone cannot: build scripts, proc-macros and the libraries they use (syn, quote …) are compiled
    /// for the build platform in any cross build, so external units and those kinds are left out.</summary>
    public static CompiledTarget From(string expected, IReadOnlyList<CompilerArtifact> artifacts)
    {
        var found = artifacts
            .Where(a => !a.Package.IsExternal && !a.TargetKinds.Any(k => k is "custom-build" or "proc-macro"))
            .SelectMany(a => a.Filenames)
            .Select(TripleOf)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CompiledTarget(expected, found);
    }

    private static string TripleOf(string filename)
    {
        var segments = filename.Split('/');
        return CrossTarget.All.Select(t => t.Triple).FirstOrDefault(t => segments.Contains(t, StringComparer.Ordinal)) ?? Host;
    }
}
