namespace Prewarm.Core.Configuration;

/// <summary>
/// One setting that can be given on the command line (<c>--Argument=value</c>) or in prewarm.toml
/// (<c>Key</c> inside <c>[Section]</c>, or at the top level when Section is empty).
/// </summary>
public sealed record PrewarmOption(string Section, string Key, string Argument, OptionKind Kind, string Description)
{
    /// <summary>The dotted name as written in prewarm.toml: <c>docker.platform</c>.</summary>
    public string TomlPath => Section.Length == 0 ? Key : $"{Section}.{Key}";
}
