using System.Text.RegularExpressions;

namespace Prewarm.Tests.Layering;

/// <summary>Core/Toml is used through its façade, <c>TomlText</c> (and the errors it throws): how a file is
/// parsed, and the pools and per-thread state parsing keeps, are named nowhere else in recipes/.</summary>
[TestFixture]
public sealed partial class TomlFacadeTests
{
    [Test]
    public void Toml_internals_are_named_only_inside_Core_Toml()
    {
        var recipes = Path.Combine(Support.RepositoryLayout.Root, "recipes");
        var toml = Path.Combine(recipes, "Prewarm.Core", "Toml") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(recipes, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(toml, StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Internal().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(recipes, file)}: {m.Value}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\b(TomlEventModel|TomlSyntaxModel|TomlPositions|TomlStringPool|TableArrayRuns|TomlSyntaxKeys)\b")]
    private static partial Regex Internal();
}
