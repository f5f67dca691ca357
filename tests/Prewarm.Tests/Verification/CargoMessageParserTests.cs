using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class CargoMessageParserTests
{
    [Test]
    public void A_cold_build_compiled_every_unit()
    {
        var artifacts = CargoMessageParser.ParseArtifacts(TestData.Read("cargo-build-cold.jsonl"), "cargo build");

        artifacts.Count.ShouldBe(8);
        UnitFreshness.From(artifacts).ShouldBe(new UnitFreshness(DependencyUnits: 6, FreshDependencyUnits: 0, WorkspaceUnits: 2, FreshWorkspaceUnits: 0));
        artifacts.Where(a => a.TargetKinds.Contains("custom-build")).Select(a => a.Package.Name).Order().ShouldBe(["anyhow", "log"]);
    }

    [Test]
    public void After_touching_main_rs_every_dependency_unit_is_fresh()
    {
        var freshness = UnitFreshness.From(CargoMessageParser.ParseArtifacts(TestData.Read("cargo-build-touched-main.jsonl"), "cargo build"));

        freshness.ShouldBe(new UnitFreshness(6, 6, 2, 1));
        freshness.DependencyFreshPercent.ShouldBe(100);
    }

    [Test]
    public void Reads_the_old_package_id_form_and_skips_other_lines()
    {
        const string output = """
            {"reason":"compiler-artifact","package_id":"itoa 1.0.1 (registry+https://github.com/rust-lang/crates.io-index)","target":{"kind":["lib"],"name":"itoa"},"fresh":true}
            a build script printed this
            {"reason":"compiler-message","package_id":"tiny 0.1.0 (path+file:///w)","message":{}}
            {"reason":"compiler-artifact","package_id":"tiny 0.1.0 (path+file:///w)","target":{"kind":["bin"],"name":"tiny"},"fresh":false}
            {"reason":"build-finished","success":true}
            """;

        var artifacts = CargoMessageParser.ParseArtifacts(output, "cargo build");

        artifacts.Select(a => (a.Package.Name, a.TargetName, a.Fresh)).ShouldBe([("itoa", "itoa", true), ("tiny", "tiny", false)]);
        UnitFreshness.From(artifacts).DependencyFreshPercent.ShouldBe(100);
    }

    [Test]
    public void No_dependency_units_means_no_share()
    {
        UnitFreshness.From([]).DependencyFreshPercent.ShouldBeNull();
    }

    [Test]
    public void A_broken_json_line_names_the_line()
    {
        Should.Throw<PrewarmException>(() => CargoMessageParser.ParseArtifacts("{\"reason\":\"build-finished\"}\n{\"reason\":", "cargo build"))
            .Message.ShouldStartWith("cargo build: line 2: not a JSON message");
    }
}
