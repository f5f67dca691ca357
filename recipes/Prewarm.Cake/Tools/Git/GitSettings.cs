namespace Prewarm.Cake.Tools.Git;

/// <summary>A question to git about the repository in <see cref="ToolSettings.WorkingDirectory"/>.</summary>
public sealed class GitSettings : ToolSettings
{
}
