using Cake.Core;
using Prewarm.Cake.Support;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>The Dockerfile task's options from the command line (see README, "## Docker"); profile,
/// tiers and sccache come from the recipe manifest and the shared settings (DockerfileTask).</summary>
internal static class DockerfileArguments
{
    public static DockerfileOptions Read(ICakeContext context, string repositoryId)
    {
        var defaults = new DockerfileOptions { RepositoryId = repositoryId };
        var layout = TaskArguments.Text(context, "cargo-layout");
        var storage = TaskArguments.Text(context, "deps-storage");
        return defaults with
        {
            BaseImage = TaskArguments.Text(context, "base-image") ?? defaults.BaseImage,
            Uid = TaskArguments.Integer(context, "uid", null, 0) ?? defaults.Uid,
            Gid = TaskArguments.Integer(context, "gid", null, 0) ?? defaults.Gid,
            Layout = layout is null ? defaults.Layout : CargoLayoutPaths.ParseLayout(layout),
            DependencyStorage = storage is null ? defaults.DependencyStorage : DependencyStorageNames.Parse(storage),
            Syntax = TaskArguments.Text(context, "dockerfile-syntax") ?? defaults.Syntax,
            BuilderImage = TaskArguments.Text(context, "builder-image"),
        };
    }

    /// <summary>Templates overriding the embedded ones, from <c>--templates=DIR</c>.</summary>
    public static DockerTemplates Templates(ICakeContext context)
    {
        var directory = TaskArguments.Text(context, "templates");
        return directory is null
            ? DockerTemplates.Embedded
            : DockerTemplates.WithOverrides(new global::Cake.Core.IO.DirectoryPath(directory).MakeAbsolute(context.Environment).FullPath);
    }
}
