using Cake.Core.IO;
using Cake.Frosting;

namespace Prewarm.Frosting.Internal;

/// <summary>The working directory set by <see cref="ServiceCollectionExtensions.UseWorkingDirectory"/>.</summary>
internal sealed class WorkingDirectory(DirectoryPath path)
{
    public DirectoryPath Path { get; } = path;
}

/// <summary>A Cake configuration value set by <see cref="ServiceCollectionExtensions.UseCakeSetting"/>.</summary>
internal sealed record CakeSetting(string Key, string Value);
