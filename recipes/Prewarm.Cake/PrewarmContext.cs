using Cake.Core;
using Cake.Core.IO;
using Prewarm.Cake.Support;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Settings;
using Prewarm.Frosting;

namespace Prewarm.Cake;

/// <summary>The state every Prewarm task shares: the settings bound once from prewarm.toml and the
/// command line, where the repositories are and where artifacts go.</summary>
public class PrewarmContext : FrostingContext
{
    public PrewarmContext(ICakeContext context)
        : base(context)
    {
        // The one place options become settings: tasks read these, never raw arguments.
        Settings = SettingsBinder.Bind(TaskArguments.Reader(context), context.Environment.WorkingDirectory.FullPath);
        Repositories = Settings.Shared.Repositories.Select(r => new DirectoryPath(r)).ToArray();
        Artifacts = new DirectoryPath(Settings.Shared.Artifacts);
        Layout = Settings.Shared.Layout;
    }

    /// <summary>Every task's typed settings.</summary>
    public PrewarmSettings Settings { get; }

    /// <summary>Where each stage's artifacts lie under <see cref="Artifacts"/>.</summary>
    public ArtifactsLayout Layout { get; }

    /// <summary>Repository roots from <c>--repo</c> (repeatable); the working directory when none is given.</summary>
    public IReadOnlyList<DirectoryPath> Repositories { get; }

    /// <summary>Where every task writes its outputs; <c>--artifacts</c>, default <c>artifacts/prewarm/</c>.</summary>
    public DirectoryPath Artifacts { get; }

    /// <summary>The organisation builder image the BuilderImage task built in this run, if it ran:
    /// the repositories' Dockerfiles build FROM it unless <c>--builder-image</c> names another.</summary>
    public string? BuiltBuilderImage { get; set; }
}
