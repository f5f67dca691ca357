namespace Prewarm.Cake.Tools.Git;

/// <summary>What git knows about the repository in the settings' working directory; null where it
/// knows nothing (not a repository, no remote, no commit, git missing).</summary>
[CakeAliasCategory("Git")]
public static class GitAliases
{
    /// <summary><c>git config --get remote.origin.url</c>.</summary>
    [CakeMethodAlias]
    public static string? GitOriginUrl(this ICakeContext context, GitSettings settings) => Git(context).OriginUrl(settings);

    /// <summary><c>git rev-parse HEAD</c>.</summary>
    [CakeMethodAlias]
    public static string? GitHead(this ICakeContext context, GitSettings settings) => Git(context).Head(settings);

    /// <summary><c>git describe --tags --always --dirty</c>.</summary>
    [CakeMethodAlias]
    public static string? GitDescribe(this ICakeContext context, GitSettings settings) => Git(context).Describe(settings);

    private static GitTool Git(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);
}
