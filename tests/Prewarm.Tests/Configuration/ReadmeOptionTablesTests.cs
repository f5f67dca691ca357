using System.Reflection;
using System.Text.RegularExpressions;
using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Core.Configuration;
using Prewarm.Frosting;

namespace Prewarm.Tests.Configuration;

/// <summary>README.md's argument tables (<c>| argument | meaning | default |</c>) and the option
/// catalog, checked both ways: every option is documented with its default, and every argument the
/// README names is one the host knows.</summary>
[TestFixture]
public sealed partial class ReadmeOptionTablesTests
{
    private static readonly IReadOnlyList<(string Name, string Default, bool TakesValue)> Rows = ReadRows();

    [Test]
    public void Every_catalog_option_is_in_a_readme_table()
    {
        var documented = Rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        OptionCatalog.All.Select(o => o.Argument).Where(name => !documented.Contains(name)).ShouldBeEmpty("options missing from README.md's argument tables");
    }

    [Test]
    public void Every_readme_argument_is_known()
    {
        var known = new KnownArguments(HostArguments.Names);

        Rows.Select(r => r.Name).Where(name => !known.Contains(name)).ShouldBeEmpty("arguments README.md names that the host refuses");
    }

    [Test]
    public void Each_readme_default_is_the_catalog_default()
    {
        var mismatches = Rows
            .Select(row => (row, option: OptionCatalog.FindByArgument(row.Name)))
            .Where(x => x.option is not null && x.row.Default != x.option.Default)
            .Select(x => $"--{x.row.Name}: README '{x.row.Default}', catalog '{x.option!.Default}'");

        mismatches.ShouldBeEmpty();
    }

    [Test]
    public void A_flag_is_written_without_a_value_and_any_other_option_with_one()
    {
        Rows.Select(row => (row, option: OptionCatalog.FindByArgument(row.Name)))
            .Where(x => x.option is not null && x.row.TakesValue == (x.option.Shape == OptionShape.Flag))
            .Select(x => $"--{x.row.Name} ({x.option!.Shape})")
            .ShouldBeEmpty();
    }

    [Test]
    public void The_prewarm_toml_example_names_every_key_in_its_section()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var example = readme[readme.IndexOf("```toml\nrepo =", StringComparison.Ordinal)..];
        example = example[..example.IndexOf("```\n", 8, StringComparison.Ordinal)];
        var sections = TomlSection().Split(example);

        OptionCatalog.All
            .Where(o => !Regex.IsMatch(o.Section.Length == 0 ? sections[0] : sections.SkipWhile(s => s != o.Section).ElementAtOrDefault(1) ?? "", $@"(?<![\w-]){Regex.Escape(o.Key)}(?![\w-])"))
            .Select(o => o.TomlPath)
            .ShouldBeEmpty("keys missing from README.md's prewarm.toml example");
    }

    [Test]
    public void Each_option_names_tasks_that_exist()
    {
        var tasks = typeof(PrewarmContext).Assembly.GetExportedTypes()
            .Select(t => t.GetCustomAttribute<TaskNameAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        OptionCatalog.All.ShouldAllBe(o => o.Tasks.Count > 0);
        OptionCatalog.All.SelectMany(o => o.Tasks.Where(t => !tasks.Contains(t)).Select(t => $"--{o.Argument}: {t}")).ShouldBeEmpty();
    }

    [Test]
    public void The_tables_are_found()
    {
        Rows.Count.ShouldBeGreaterThan(OptionCatalog.All.Count / 2);
        Rows.ShouldContain(("cargo-layout", "cargo-home", true));
        Rows.ShouldContain(("target-dir", "$CARGO_TARGET_DIR, else <repo>/target", true));
        Rows.ShouldContain(("push", "off", false));
    }

    /// <summary>Each <c>--name</c> of each row's first cell (short <c>-t</c> forms left out), with the
    /// row's default cell, backticks dropped, and whether it is written <c>--name=VALUE</c>.</summary>
    private static List<(string Name, string Default, bool TakesValue)> ReadRows()
    {
        var rows = new List<(string, string, bool)>();
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryLayout.Root, "README.md")))
        {
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            var cells = Cells(line);
            if (cells is ["argument", _, "default"])
            {
                inTable = true;
                continue;
            }

            if (!inTable || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var @default = cells[^1].Replace("`", "", StringComparison.Ordinal);
            rows.AddRange(ArgumentName().Matches(cells[0]).Select(m => (m.Groups[1].Value, @default, m.Groups[2].Value == "=")));
        }

        return rows;
    }

    // Cells split at pipes that are not escaped (\|).
    private static string[] Cells(string line) =>
        UnescapedPipe().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@"`--([A-Za-z][A-Za-z0-9_-]*)(=?)")]
    private static partial Regex ArgumentName();

    [GeneratedRegex(@"^\[([a-z]+)\]", RegexOptions.Multiline)]
    private static partial Regex TomlSection();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
