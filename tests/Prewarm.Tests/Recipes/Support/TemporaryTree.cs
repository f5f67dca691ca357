using Prewarm.Tests.Support;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>A scratch directory (deleted on dispose) with helpers to copy fixtures and edit files.</summary>
internal sealed class TemporaryTree : IDisposable
{
    public TemporaryTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "prewarm-recipe-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Copies tests/Prewarm.Tests/Recipes/Fixtures/<paramref name="fixture"/> (or any repo-relative directory) to <paramref name="destination"/>.</summary>
    public string CopyFixture(string fixture, string destination = "repo")
    {
        var source = fixture.Contains('/')
            ? Path.Combine(RepositoryLayout.Root, fixture)
            : Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Recipes", "Fixtures", fixture);
        var target = this[destination];
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("target" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
