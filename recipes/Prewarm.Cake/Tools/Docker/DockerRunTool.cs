namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker run [--rm] [--platform P] --entrypoint E IMAGE …</c>: reading an image's files
/// and running a shell script in it.</summary>
public sealed class DockerRunTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerRunSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>--entrypoint cat IMAGE PATH</c>: a file from the image, or null when it is not there.</summary>
    public string? ReadFile(string image, string path, DockerRunSettings settings)
    {
        var result = Execute(settings, Arguments("cat", image, settings).AppendQuoted(path));
        return result.Succeeded ? result.Output : null;
    }

    /// <summary><c>--entrypoint sh IMAGE -c 'cat GLOB'</c>: the files a glob matches in the image, one
    /// after the other; null when none matches.</summary>
    public string? ReadFiles(string image, string glob, DockerRunSettings settings)
    {
        var result = Shell(image, $"cat {glob}", settings);
        return result.Succeeded ? result.Output : null;
    }

    /// <summary><c>--entrypoint sh IMAGE -c SCRIPT</c>: a shell script in the image.</summary>
    public ToolResult Shell(string image, string script, DockerRunSettings settings) =>
        Execute(settings, Arguments("sh", image, settings).Append("-c").AppendQuoted(script));

    private static ProcessArgumentBuilder Arguments(string entrypoint, string image, DockerRunSettings settings)
    {
        var args = new ProcessArgumentBuilder().Append("run").AppendFlag(settings.Remove, "--rm");
        if (!string.IsNullOrEmpty(settings.Platform))
        {
            args.AppendSwitch("--platform", " ", settings.Platform);
        }

        return args.Append("--entrypoint").Append(entrypoint).AppendQuoted(image);
    }
}
