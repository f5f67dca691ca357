namespace Prewarm.Cake.Tools.Docker;

/// <summary>Builder management: <c>docker buildx inspect</c> and <c>docker buildx create</c>.</summary>
public sealed class DockerBuildxBuilderTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerBuildxBuilderSettings>(fileSystem, environment, processRunner, tools, log)
{
    private static ProcessArgumentBuilder InspectArguments(string? name)
    {
        var args = new ProcessArgumentBuilder().Append("buildx").Append("inspect");
        return string.IsNullOrEmpty(name) ? args : args.AppendQuoted(name);
    }

    private static ProcessArgumentBuilder CreateArguments(DockerBuildxBuilderSettings settings)
    {
        var args = new ProcessArgumentBuilder().Append("buildx").Append("create")
            .AppendSwitchQuoted("--name", " ", settings.Name)
            .AppendSwitch("--driver", " ", settings.Driver);
        if (settings.Platforms.Count > 0)
        {
            args.AppendSwitch("--platform", " ", string.Join(',', settings.Platforms));
        }

        return settings.Bootstrap ? args.Append("--bootstrap") : args;
    }

    /// <summary>The driver of builder <paramref name="settings"/>.Name (the current builder when
    /// empty), or null when there is no such builder.</summary>
    public string? InspectDriver(DockerBuildxBuilderSettings settings)
    {
        var result = Execute(settings, InspectArguments(settings.Name));
        if (!result.Succeeded)
        {
            return null;
        }

        return result.StandardOutput
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("Driver:", StringComparison.Ordinal))
            .Select(l => l["Driver:".Length..].Trim())
            .FirstOrDefault();
    }

    /// <summary>A refusal is one line naming the command.</summary>
    public void Create(DockerBuildxBuilderSettings settings) => ExecuteChecked(settings, CreateArguments(settings));
}
