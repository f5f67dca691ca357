namespace Prewarm.Cake.Tools.Git;

/// <summary>What git knows about a repository, for an image's OCI labels. Each answer is null where
/// git knows nothing (not a repository, no remote, no commit, git missing): labels are then left
/// out, not invented.</summary>
public sealed class GitTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<GitSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>git config --get remote.origin.url</c>.</summary>
    public string? OriginUrl(GitSettings settings) => FirstLine(settings, new ProcessArgumentBuilder().Append("config").Append("--get").Append("remote.origin.url"));

    /// <summary><c>git rev-parse HEAD</c>.</summary>
    public string? Head(GitSettings settings) => FirstLine(settings, new ProcessArgumentBuilder().Append("rev-parse").Append("HEAD"));

    /// <summary><c>git describe --tags --always --dirty</c>.</summary>
    public string? Describe(GitSettings settings) => FirstLine(settings, new ProcessArgumentBuilder().Append("describe").Append("--tags").Append("--always").Append("--dirty"));

    protected override bool Silent => true;

    protected override string GetToolName() => "git";

    protected override IEnumerable<string> GetToolExecutableNames() => ["git", "git.exe"];

    private string? FirstLine(GitSettings settings, ProcessArgumentBuilder arguments)
    {
        try
        {
            var result = Execute(settings, arguments);
            var line = result.StandardOutput.FirstOrDefault()?.Trim();
            return result.Succeeded && !string.IsNullOrEmpty(line) ? line : null;
        }
        catch (PrewarmException)
        {
            return null;   // git is not installed or could not start
        }
    }
}
