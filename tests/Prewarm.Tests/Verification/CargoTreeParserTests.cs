using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class CargoTreeParserTests
{
    [Test]
    public void Reads_real_output_of_the_tiny_workspace()
    {
        var entries = CargoTreeParser.Parse(TestData.Read("cargo-tree-tiny.txt"), "cargo tree");

        entries.Select(e => $"{e.Depth}:{e.Name}@{e.Version}:{(e.IsLocal ? "local" : "registry")}:{e.IsRepeat}").ShouldBe(
        [
            "0:tiny@0.1.0:local:False",
            "1:anyhow@1.0.69:registry:False",
            "1:itoa@1.0.1:registry:False",
            "1:log@0.4.17:registry:False",
            "1:util@0.1.0:local:False",
            "0:util@0.1.0:local:True",
        ]);
        entries[0].Source.ShouldBe("/tmp/pw-fix");
    }

    [Test]
    public void Reads_real_output_of_the_bundled_shop_example()
    {
        var entries = CargoTreeParser.Parse(TestData.Read("cargo-tree-shop.txt"), "cargo tree");

        entries.Where(e => e.Depth == 0).Select(e => e.Name).ShouldBe(["shop-domain", "shop-server", "shop-storage"]);
        entries.Single(e => e.Name == "tokio").Version.ShouldBe("1.24.2");
        entries.Where(e => e.Depth == 1 && !e.IsLocal).Select(e => e.Name).ShouldContain("tracing-subscriber");
    }

    [Test]
    public void Reads_proc_macro_and_git_notes()
    {
        var entries = CargoTreeParser.Parse(
            "1serde_derive v1.0.152 (proc-macro)\n2widget v0.2.0 (https://github.com/example/widgets?branch=main#0123abcd) (*)\n",
            "cargo tree");

        entries[0].ShouldBe(new CargoTreeEntry(1, "serde_derive", "1.0.152", string.Empty, IsProcMacro: true, IsRepeat: false));
        entries[1].ShouldBe(new CargoTreeEntry(2, "widget", "0.2.0", "https://github.com/example/widgets?branch=main#0123abcd", IsProcMacro: false, IsRepeat: true));
        entries[1].IsLocal.ShouldBeFalse();
    }

    [Test]
    public void A_line_in_another_format_names_the_command_and_line()
    {
        var exception = Should.Throw<PrewarmException>(() => CargoTreeParser.Parse("0tiny v0.1.0\n├── anyhow v1.0.69\n", "cargo tree --workspace"));

        exception.Message.ShouldBe("cargo tree --workspace: line 2: expected '<depth><name> v<version> [(source)]', got '├── anyhow v1.0.69'");
    }
}
