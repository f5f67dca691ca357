namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>stat</c> (GNU coreutils); the format is the command's (see <see cref="StatTool"/>).</summary>
public sealed class StatSettings : ToolSettings
{
}
