using Cake.Core.IO;

namespace Prewarm.Frosting.Internal;

/// <summary>The working directory set by <see cref="CakeHost.UseWorkingDirectory"/>.</summary>
internal sealed class WorkingDirectory(DirectoryPath path)
{
    public DirectoryPath Path { get; } = path;
}
