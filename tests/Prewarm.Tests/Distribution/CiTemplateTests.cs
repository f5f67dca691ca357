using NUnit.Framework;
using Prewarm.Tests.Support;
using Shouldly;
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

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(p => Scalars(p.Key).Concat(Scalars(p.Value))),
        _ => [],
    };
}
