using Cake.Core.Tooling;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>id -u</c>, or <c>id -g</c> with <see cref="Group"/>.</summary>
public sealed class IdSettings : ToolSettings
{
    public bool Group { get; set; }
}
