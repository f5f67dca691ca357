using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

/// <summary>Verify's proof that a cross-built platform's units were compiled for its target: the
/// directories cargo wrote the workspace's own units to (dependencies of build scripts and
/// proc-macros are host units in any cross build).</summary>
[TestFixture]
public sealed class CompiledTargetTests
{
    private const string Triple = "aarch64-unknown-linux-gnu";

    private static string Message(string name, string kind, bool fresh, params string[] files) =>
        $$"""{"reason":"compiler-artifact","package_id":"{{name}} 1.0.0 ({{(name.StartsWith("shop", StringComparison.Ordinal) ? $"path+file:///build/src/{name}" : "registry+https://github.com/rust-lang/crates.io-index")}})","target":{"kind":["{{kind}}"],"name":"{{name}}"},"fresh":{{(fresh ? "true" : "false")}},"features":[],"filenames":[{{string.Join(",", files.Select(f => $"\"{f}\""))}}]}""";

    private static IReadOnlyList<CompilerArtifact> Parse(params string[] lines) => CargoMessageParser.ParseArtifacts(string.Join("\n", lines), "test");

    [Test]
    public void Units_under_the_targets_directory_match_and_host_units_are_left_out()
    {
        var artifacts = Parse(
            Message("serde", "lib", true, $"/build/target/arm64/{Triple}/release/deps/libserde-1.rlib"),
            Message("syn", "lib", true, "/build/target/arm64/release/deps/libsyn-1.rlib"),
            Message("serde_derive", "proc-macro", true, "/build/target/arm64/release/deps/libserde_derive-1.so"),
            Message("shop-domain", "custom-build", false, "/build/target/arm64/release/build/shop-domain-1/build-script-build"),
            Message("shop-server", "bin", false, $"/build/target/arm64/{Triple}/release/shop"));

        artifacts[0].Filenames.ShouldBe([$"/build/target/arm64/{Triple}/release/deps/libserde-1.rlib"]);
        var target = CompiledTarget.From(Triple, artifacts);

        target.Found.ShouldBe([Triple]);
        target.Matches.ShouldBeTrue();
    }

    [Test]
    public void A_build_for_the_build_platform_fails_verify_even_when_every_unit_is_fresh()
    {
        var artifacts = Parse(
            Message("serde", "lib", true, "/build/target/arm64/release/deps/libserde-1.rlib"),
            Message("shop-server", "bin", false, "/build/target/arm64/release/shop"));
        var target = CompiledTarget.From(Triple, artifacts);
        var verification = new RepositoryVerification("shop", "in the builder image x", "test", [], UnitFreshness.From(artifacts), null, Platform: "linux/arm64", Target: target);

        target.Matches.ShouldBeFalse();
        verification.Failures(new VerificationThresholds(80, 95, 0)).ShouldBe(
            [$"shop (linux/arm64): the image's recorded build compiled for {CompiledTarget.Host}, not {Triple}: this platform was not cross-built"]);
    }

    [Test]
    public void Nothing_compiled_for_the_target_is_not_success()
    {
        CompiledTarget.From(Triple, []).Mismatch.ShouldBe($"the image's recorded build compiled no unit for {Triple}: this platform was not cross-built");
    }
}
