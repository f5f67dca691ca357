namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker manifest</c>: what a registry holds for a tag, and multi-platform tags made of
/// per-platform images already there (the CLI reads and writes the registry, not the engine).</summary>
public sealed class DockerManifestTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerManifestSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>docker manifest inspect -v [--insecure] IMAGE</c>: the registry's manifest (list)
    /// with each manifest's platform.</summary>
    public ToolResult Inspect(string image, DockerManifestSettings settings) =>
        Execute(settings, Arguments("inspect", "-v", settings).AppendQuoted(image));

    /// <summary><c>docker manifest create --amend [--insecure] LIST IMAGE…</c>.</summary>
    public ToolResult Create(string list, IEnumerable<string> images, DockerManifestSettings settings)
    {
        var args = Arguments("create", "--amend", settings).AppendQuoted(list);
        foreach (var image in images)
        {
            args.AppendQuoted(image);
        }

        return Execute(settings, args);
    }

    /// <summary><c>docker manifest push --purge [--insecure] LIST</c>.</summary>
    public ToolResult Push(string list, DockerManifestSettings settings) =>
        Execute(settings, Arguments("push", "--purge", settings).AppendQuoted(list));

    /// <summary>CLIs before 20.10's GA of <c>docker manifest</c> need it switched on.</summary>
    protected override IDictionary<string, string> GetEnvironmentVariables(DockerManifestSettings settings) =>
        EnvironmentWith(settings, ("DOCKER_CLI_EXPERIMENTAL", "enabled"));

    private static ProcessArgumentBuilder Arguments(string command, string always, DockerManifestSettings settings) =>
        new ProcessArgumentBuilder().Append("manifest").Append(command).Append(always).AppendFlag(settings.Insecure, "--insecure");
}
