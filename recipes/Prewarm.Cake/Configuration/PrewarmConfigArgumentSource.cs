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
        string path;
        if (arguments.TryGetValue(PrewarmConfigFile.Argument, out var explicitPath) && explicitPath.Count > 0)
        {
            path = Path.GetFullPath(explicitPath[^1], workingDirectory);
            if (!File.Exists(path))
            {
                throw new PrewarmConfigException($"{path}: configuration file not found (from --config).");
            }
        }
        else
        {
            path = Path.Combine(workingDirectory, PrewarmConfigFile.FileName);
            if (!File.Exists(path))
            {
                return;
            }
        }

        foreach (var (name, values) in PrewarmConfigFile.Load(path))
        {
            if (!arguments.ContainsKey(name))
            {
                arguments[name] = [.. RelativeTo(name, values, Path.GetDirectoryName(path)!)];
            }
        }
    }

    // Paths in the file are relative to the file, as a reader of the file would expect.
    private static IEnumerable<string> RelativeTo(string name, IReadOnlyList<string> values, string directory) =>
        OptionCatalog.PathArguments.Contains(name)
            ? values.Select(v => Path.GetFullPath(v, directory))
            : values;
}
