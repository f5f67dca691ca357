using System.Text.RegularExpressions;

namespace Prewarm.Tests.Layering;

/// <summary>Prewarm.Core's folders (one namespace each) depend on one another without cycles, so
/// the pipeline's stages can be read, and changed, one after another.</summary>
[TestFixture]
public sealed partial class NamespaceCycleTests
{
    [Test]
    public void Core_namespaces_form_no_cycle()
    {
        var core = Path.Combine(Support.RepositoryLayout.Root, "recipes", "Prewarm.Core");
        var graph = Directory.EnumerateDirectories(core)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToDictionary(
                name => name!,
                name => Directory.EnumerateFiles(Path.Combine(core, name!), "*.cs", SearchOption.AllDirectories)
                    .SelectMany(file => Reference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                    .Where(used => used != name)
                    .ToHashSet(StringComparer.Ordinal));

        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            var path = new Stack<string>();
            Visit(start, start, graph, path, new HashSet<string>(StringComparer.Ordinal), cycles);
        }

        cycles.ShouldBeEmpty();
    }

    private static void Visit(string start, string node, Dictionary<string, HashSet<string>> graph, Stack<string> path, HashSet<string> seen, List<string> cycles)
    {
        path.Push(node);
        foreach (var next in graph.GetValueOrDefault(node, []))
        {
            if (next == start)
            {
                cycles.Add(string.Join(" -> ", path.Reverse().Append(start)));
            }
            else if (seen.Add(next))
            {
                Visit(start, next, graph, path, seen, cycles);
            }
        }

        path.Pop();
    }

    [GeneratedRegex(@"\bPrewarm\.Core\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();
}
