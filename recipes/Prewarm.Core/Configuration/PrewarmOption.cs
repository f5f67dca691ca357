namespace Prewarm.Core.Configuration;

/// <summary>
/// One setting that can be given on the command line (<c>--Argument=value</c>) or in prewarm.toml
/// (<c>Key</c> inside <c>[Section]</c>, or at the top level when Section is empty): its names, kind,
/// default, description and the tasks that read it, in one <see cref="OptionCatalog"/> entry. The
/// typed subclasses add the parser and the typed default the settings are bound with.
/// </summary>
public abstract class PrewarmOption
{
    private protected PrewarmOption(string section, string key, OptionKind kind, string description, string tasks)
    {
        Section = section;
        Key = key;
        Argument = key;
        Kind = kind;
        Description = description;
        Tasks = tasks.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Section { get; }

    public string Key { get; }

    /// <summary>The command-line name, without dashes; the key unless it differs (<c>layout</c> → <c>cargo-layout</c>).</summary>
    public string Argument { get; init; }

    /// <summary>The TOML shape prewarm.toml accepts.</summary>
    public OptionKind Kind { get; }

    public OptionShape Shape => Kind switch
    {
        OptionKind.Boolean => OptionShape.Flag,
        OptionKind.List => OptionShape.Repeatable,
        _ => OptionShape.Value,
    };

    public string Description { get; }

    /// <summary>The tasks that read it (<c>Recipe</c>, <c>Cook</c>, …).</summary>
    public IReadOnlyList<string> Tasks { get; }

    /// <summary>The default as the README's tables state it: <c>dev</c>, <c>80</c>, <c>the working directory</c>;
    /// empty when the option has none.</summary>
    public abstract string Default { get; }

    /// <summary>An environment variable read when the option is not given (<c>CARGO_TARGET_DIR</c>), before the default.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>A path: in prewarm.toml relative to the file, else to the working directory.</summary>
    public bool IsPath { get; init; }

    /// <summary>The dotted name as written in prewarm.toml: <c>docker.platform</c>.</summary>
    public string TomlPath => Section.Length == 0 ? Key : $"{Section}.{Key}";
}
