using Prewarm.Core.IO;
using Prewarm.Core.Verification;

namespace Prewarm.Core.Benchmarking;

/// <summary>
/// The benchmark's scratch space: a temporary directory holding the stubbed copy of the repository
/// (without build output, VCS data and Prewarm's artifacts; every workspace target a stub) and each
/// run's target directories and caches. Deleted on dispose. <see cref="TouchSources"/> marks the
/// repository's own sources edited (their content is never changed).
/// </summary>
public sealed class BenchmarkWorkspace : IDisposable
{
    private readonly IReadOnlyList<WorkspaceTarget> _targets;

    public BenchmarkWorkspace(string repository, string artifacts, IReadOnlyList<WorkspaceTarget> targets)
    {
        Repository = repository;
        _targets = targets;
        Scratch = Directory.CreateTempSubdirectory("prewarm-benchmark-").FullName;
        Stubbed = Path.Combine(Scratch, "stubbed");
        try
        {
            Copy(repository, Stubbed, Path.GetFullPath(artifacts));
            foreach (var (relative, content) in WorkspaceStubs.For(targets))
            {
                File.WriteAllText(Path.Combine(Stubbed, relative), content);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Repository { get; }

    public string Scratch { get; }

    /// <summary>The copy whose workspace sources are stubs: building it compiles only the dependencies.</summary>
    public string Stubbed { get; }

    public string RunDirectory(int run) => Path.Combine(Scratch, $"run{run}");

    /// <summary>Sets the modification time of every <c>.rs</c> file under a workspace target's directory (not under a <c>target</c> directory) to <paramref name="now"/>.</summary>
    public void TouchSources(DateTime now)
    {
        var directories = _targets
            .Select(t => Path.GetDirectoryName(Path.Combine(Repository, t.SourcePath))!)
            .Distinct(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.rs", SearchOption.AllDirectories))
            {
                if (!file.Contains($"{Path.DirectorySeparatorChar}target{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    File.SetLastWriteTimeUtc(file, now);
                }
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in the temporary directory: a failed clean-up must not hide the benchmark's outcome.
        }
    }

    private static void Copy(string source, string destination, string artifacts)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "target" or ".git" || FullPaths.IsSameOrInside(artifacts, Path.GetFullPath(directory)))
            {
                continue;
            }

            Copy(directory, Path.Combine(destination, name), artifacts);
        }

        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
