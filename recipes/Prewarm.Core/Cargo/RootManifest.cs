namespace Prewarm.Core.Cargo;

/// <summary>The Cargo.toml at a repository's root, which the tasks that build a repository (Verify, Benchmark) need.</summary>
public static class RootManifest
{
    /// <summary>The manifest's full path; a one-line error when <c>--repo</c> names no Cargo workspace or package.</summary>
    public static string Require(string repository)
    {
        var manifest = Path.Combine(repository, "Cargo.toml");
        return File.Exists(manifest) ? manifest : throw new PrewarmException($"{manifest}: not found; --repo must name a Cargo workspace or package directory");
    }
}
