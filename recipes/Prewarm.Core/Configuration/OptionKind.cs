namespace Prewarm.Core.Configuration;

/// <summary>The TOML shape an option accepts in prewarm.toml.</summary>
public enum OptionKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>A number, integer or not (a percentage such as 97.5).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A string or an array of strings (a repeatable command-line argument).</summary>
    List,
}
