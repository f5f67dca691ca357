using Cake.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>The Dockerfile task's options from the command line (see README, "## Docker").</summary>
internal static class DockerfileArguments
{
    public static DockerfileOptions Read(ICakeContext context, string repositoryId)
    {
        var defaults = new DockerfileOptions { RepositoryId = repositoryId };
        var layout = ArgumentReader.String(context, "cargo-layout");
        return defaults with
        {
            BaseImage = ArgumentReader.String(context, "base-image") ?? defaults.BaseImage,
            Uid = ArgumentReader.Int(context, "uid") ?? defaults.Uid,
            Gid = ArgumentReader.Int(context, "gid") ?? defaults.Gid,
            Layout = layout is null ? defaults.Layout : CargoLayoutPaths.ParseLayout(layout),
            Sccache = ArgumentReader.Flag(context, "sccache"),
            Syntax = ArgumentReader.String(context, "dockerfile-syntax") ?? defaults.Syntax,
            Profile = ArgumentReader.String(context, "profile") ?? defaults.Profile,
        };
    }

    /// <summary>Templates overriding the embedded ones, from <c>--templates=DIR</c>.</summary>
    public static DockerTemplates Templates(ICakeContext context)
    {
        var directory = ArgumentReader.String(context, "templates");
        return directory is null
            ? DockerTemplates.Embedded
            : DockerTemplates.WithOverrides(new global::Cake.Core.IO.DirectoryPath(directory).MakeAbsolute(context.Environment).FullPath);
    }
}
