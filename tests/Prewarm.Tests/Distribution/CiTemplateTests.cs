using YamlDotNet.RepresentationModel;

namespace Prewarm.Tests.Distribution;

/// <summary>The CI workflow templates parse as YAML and call the Warmup target with a cache for their runner.</summary>
[TestFixture]
public sealed class CiTemplateTests
{
    [TestCase("github-actions.yml", "type=gha", "mode=max")]
    [TestCase("gitlab-ci.yml", "type=registry", "mode=max")]
    public void Calls_warmup_with_cache_from_and_to(string file, string cacheType, string cacheMode)
    {
        var path = Path.Combine(RepositoryLayout.Root, "templates", "ci", file);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var commands = Scalars(yaml.Documents.Single().RootNode).Where(s => s.Contains("./build.sh", StringComparison.Ordinal)).ToList();
        commands.Count.ShouldBe(1);
        var command = commands[0];
        command.ShouldContain("--target=Warmup");
        command.ShouldContain($"--cache-from={cacheType}");
        command.ShouldContain($"--cache-to={cacheType}");
        command.ShouldContain(cacheMode);
    }

    /// <summary>An ephemeral runner has only the registry: the image a run pushes (with its inline
    /// cache) must be what the next run names as --cache-from.</summary>
    [TestCase("github-actions.yml")]
    [TestCase("gitlab-ci.yml")]
    public void The_pushed_builder_image_is_the_next_runs_cache_source(string file)
    {
        var path = Path.Combine(RepositoryLayout.Root, "templates", "ci", file);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var words = Scalars(yaml.Documents.Single().RootNode).Single(s => s.Contains("./build.sh", StringComparison.Ordinal))
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var tags = words.Where(w => w.StartsWith("--tag=", StringComparison.Ordinal)).Select(w => w["--tag=".Length..]).ToList();
        var sources = words.Where(w => w.StartsWith("--cache-from=type=registry,ref=", StringComparison.Ordinal)).Select(w => w["--cache-from=type=registry,ref=".Length..]).ToList();
        words.ShouldContain("--cache-to=type=inline");
        sources.Intersect(tags).ShouldNotBeEmpty($"no --cache-from names a pushed --tag: tags {string.Join(", ", tags)}; sources {string.Join(", ", sources)}");
    }

    [Test]
    public void The_organisation_job_builds_and_pushes_the_builder_image_on_a_schedule()
    {
        var path = Path.Combine(RepositoryLayout.Root, "templates", "ci", "github-actions-builder.yml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = yaml.Documents.Single().RootNode;
        Scalars(root).ShouldContain("schedule");
        var command = Scalars(root).Single(s => s.Contains("./build.sh", StringComparison.Ordinal));
        command.ShouldContain("--target=BuilderImage");
        command.ShouldContain("--builder-tag=");
        command.ShouldContain("--push");
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(p => Scalars(p.Key).Concat(Scalars(p.Value))),
        _ => [],
    };
}
