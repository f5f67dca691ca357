using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class ManifestAndLockTests
{
    [Test]
    public void A_warmup_manifest_selects_its_dependencies_by_package_name()
    {
        const string toml = """
            [package]
            name = "prewarm-warmup-core"
            version = "0.0.0"

            [dependencies]
            serde = { version = "1", features = ["derive"] }
            json = { package = "serde_json", version = "1" }
            local = { path = "../local" }

            [build-dependencies]
            cc = "1"

            [target.'cfg(unix)'.dependencies]
            log = "0.4"
            """;

        WarmupManifestReader.SelectedCrates(toml, "warmup/core/Cargo.toml").ShouldBe(["cc", "log", "serde", "serde_json"]);
    }

    [Test]
    public void Invalid_toml_names_file_line_and_column()
    {
        var exception = Should.Throw<PrewarmException>(() => WarmupManifestReader.SelectedCrates("[dependencies]\nserde = \n", "warmup/core/Cargo.toml"));

        exception.Message.ShouldStartWith("warmup/core/Cargo.toml:2:");
        exception.Message.ShouldNotContain("\n");
    }
}
