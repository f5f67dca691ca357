using Prewarm.Core.Cargo;

namespace Prewarm.Tests.Scanning;

[TestFixture]
public sealed class ManifestPathsTests
{
    [TestCase("", "")]
    [TestCase("crates/a/Cargo.toml", "crates/a/Cargo.toml")]
    [TestCase("crates/./a", "crates/a")]
    [TestCase("crates//a/", "crates/a")]
    [TestCase("/crates/a", "crates/a")]
    [TestCase("crates/b/../a", "crates/a")]
    [TestCase("../a", "../a")]
    [TestCase("a/../../b", "../b")]
    [TestCase(".", "")]
    [TestCase("..", "..")]
    [TestCase(".hidden/..x/x..", ".hidden/..x/x..")]
    public void Normalize_resolves_dots_and_empty_segments_lexically(string path, string normal) =>
        ManifestPaths.Normalize(path).ShouldBe(normal);
}
