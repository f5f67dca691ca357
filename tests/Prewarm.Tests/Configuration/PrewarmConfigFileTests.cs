using Prewarm.Core.Configuration;

namespace Prewarm.Tests.Configuration;

[TestFixture]
public sealed class PrewarmConfigFileTests
{
    [Test]
    public void Reads_top_level_and_section_keys_as_arguments()
    {
        var values = PrewarmConfigFile.Parse(
            """
            repo = ["services/api", "services/worker"]
            artifacts = "out"

            [docker]
            platform = "linux/amd64"
            uid = 2000
            push = true
            cache-to = ["type=local,dest=/tmp/cache"]

            [verify]
            min-hit-rate = 90
            """,
            "prewarm.toml");

        values["repo"].ShouldBe(["services/api", "services/worker"]);
        values["artifacts"].ShouldBe(["out"]);
        values["platform"].ShouldBe(["linux/amd64"]);
        values["uid"].ShouldBe(["2000"]);
        values["push"].ShouldBe(["true"]);
        values["cache-to"].ShouldBe(["type=local,dest=/tmp/cache"]);
        values["min-hit-rate"].ShouldBe(["90"]);
    }

    [Test]
    public void An_unknown_key_is_an_error_naming_the_key_and_its_position()
    {
        var error = Should.Throw<PrewarmConfigException>(() => PrewarmConfigFile.Parse(
            """
            [docker]
            platfrom = "linux/amd64"
            """,
            "/w/prewarm.toml"));

        error.Message.ShouldBe("/w/prewarm.toml:2:1: unknown key 'docker.platfrom' in prewarm.toml; did you mean 'docker.platform'?");
    }

    [Test]
    public void An_unknown_section_is_an_error()
    {
        var error = Should.Throw<PrewarmConfigException>(() => PrewarmConfigFile.Parse("[dokker]\nuid = 1\n", "p.toml"));

        error.Message.ShouldContain("unknown key 'dokker.uid' in prewarm.toml; did you mean 'docker.uid'?");
    }

    [Test]
    public void A_value_of_the_wrong_type_is_an_error()
    {
        var error = Should.Throw<PrewarmConfigException>(() => PrewarmConfigFile.Parse("[docker]\nuid = \"root\"\n", "p.toml"));

        error.Message.ShouldBe("p.toml:2:7: 'docker.uid' takes an integer.");
    }

    [Test]
    public void Malformed_toml_reports_file_line_and_column()
    {
        var error = Should.Throw<PrewarmConfigException>(() => PrewarmConfigFile.Parse("repo = [\"a\"\nartifacts = \n", "p.toml"));

        error.Message.ShouldStartWith("p.toml:");
        error.Message.ShouldMatch(@"^p\.toml:\d+:\d+: ");
    }

    [Test]
    public void Every_catalog_argument_is_unique()
    {
        OptionCatalog.All.Select(o => o.Argument).ShouldBeUnique();
        OptionCatalog.All.Select(o => o.TomlPath).ShouldBeUnique();
    }
}
