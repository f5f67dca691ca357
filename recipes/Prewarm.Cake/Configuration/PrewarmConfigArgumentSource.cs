using Prewarm.Core.Configuration;
using Prewarm.Frosting;

namespace Prewarm.Cake.Configuration;

/// <summary>
/// Feeds prewarm.toml into the Cake arguments, so every task reads one set of arguments whether a
/// value came from the file or the command line. <c>--config=FILE</c> names the file; otherwise
/// <c>prewarm.toml</c> in the working directory is used when present. The command line wins.
/// </summary>
public sealed class PrewarmConfigArgumentSource : IArgumentSource
{
    public void Contribute(IDictionary<string, List<string>> arguments, string workingDirectory)
    {
        arguments.TryGetValue(PrewarmConfigFile.Argument, out var explicitPath);
        if (Locate(explicitPath, workingDirectory) is not { } path)
        {
            return;
        }

        foreach (var (name, values) in PrewarmConfigFile.Load(path))
        {
            if (!arguments.ContainsKey(name))
            {
                arguments[name] = [.. RelativeTo(name, values, Path.GetDirectoryName(path)!)];
            }
        }
    }

    /// <summary>The settings file of a run: <c>--config</c>'s (which must exist), else <c>prewarm.toml</c> in the
    /// working directory when there is one; null when there is none.</summary>
    public static string? Locate(IReadOnlyList<string?>? explicitPath, string workingDirectory)
    {
        if (explicitPath?.LastOrDefault() is { Length: > 0 } given)
        {
            var path = Path.GetFullPath(given, workingDirectory);
            return File.Exists(path) ? path : throw new PrewarmConfigException($"{path}: configuration file not found (from --config).");
        }

        var implicitPath = Path.Combine(workingDirectory, PrewarmConfigFile.FileName);
        return File.Exists(implicitPath) ? implicitPath : null;
    }

    // Paths in the file are relative to the file, as a reader of the file would expect.
    private static IEnumerable<string> RelativeTo(string name, IReadOnlyList<string> values, string directory) =>
        OptionCatalog.PathArguments.Contains(name)
            ? values.Select(v => Path.GetFullPath(v, directory))
            : values;
}
