namespace Prewarm.Tests.Recipes.Support;

/// <summary>A <see cref="TemporaryDirectory"/> with helpers to copy fixtures and edit files.</summary>
internal sealed class TemporaryTree : IDisposable
{
    private readonly TemporaryDirectory _directory = new("prewarm-recipe-");

    public string Root => _directory.Path;

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Copies tests/Prewarm.Tests/Recipes/Fixtures/<paramref name="fixture"/> (or any repo-relative directory) to <paramref name="destination"/>.</summary>
    public string CopyFixture(string fixture, string destination = "repo")
    {
        var source = fixture.Contains('/')
            ? Path.Combine(RepositoryLayout.Root, fixture)
            : Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Recipes", "Fixtures", fixture);
        var target = this[destination];
        DotNet.CopyTree(source, target);
        return target;
    }

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(this[relative])!);
        File.WriteAllText(this[relative], content);
    }

    public void Replace(string relative, string oldText, string newText)
    {
        var text = File.ReadAllText(this[relative]);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relative} does not contain '{oldText}'");
        }

        File.WriteAllText(this[relative], text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}
