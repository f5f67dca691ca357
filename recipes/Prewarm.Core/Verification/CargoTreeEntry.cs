namespace Prewarm.Core.Verification;

/// <summary>
/// One line of <c>cargo tree --prefix depth --format "{p}"</c>. <see cref="Source"/> is what cargo printed
/// in parentheses after the version: a path or git URL; empty for the default registry (crates.io, or
/// the registry that replaces it). <see cref="IsRepeat"/>: the line ended in <c>(*)</c>, cargo printed
/// this package's dependencies elsewhere.
/// </summary>
public sealed record CargoTreeEntry(int Depth, string Name, string Version, string Source, bool IsProcMacro, bool IsRepeat)
{
    /// <summary>A path source starts with '/' (or a drive letter); everything else is a registry or git crate.</summary>
    public bool IsLocal => Source.StartsWith('/') || (Source.Length > 2 && Source[1] == ':');
}
