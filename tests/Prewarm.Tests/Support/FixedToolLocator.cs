using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Prewarm.Tests.Support;

/// <summary>Resolves every tool name to an empty placeholder file in a temp directory (Cake checks the file
/// exists), so argument tests with a <see cref="RecordingProcessRunner"/> do not depend on PATH.</summary>
internal sealed class FixedToolLocator : IToolLocator
{
    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("prewarm-tools-").FullName;

    public void RegisterFile(FilePath path)
    {
    }

    public FilePath Resolve(string tool)
    {
        var path = System.IO.Path.Combine(Directory, tool);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, string.Empty);
        }

        return new FilePath(path);
    }

    public FilePath Resolve(IEnumerable<string> toolExeNames) => Resolve(toolExeNames.First());
}
