namespace Prewarm.Core.Configuration;

/// <summary>A repeatable option: every value given, each parsed; none by default.</summary>
public sealed class ListOption<T> : PrewarmOption
{
    public ListOption(string section, string key, Func<string, T> parse, string description, string tasks, string defaultText = "none")
        : base(section, key, OptionKind.List, description, tasks)
    {
        Parse = parse;
        Default = defaultText;
    }

    public Func<string, T> Parse { get; }

    /// <summary>Whether a value is also split at commas (<c>--features=a,b</c>); a cache spec or build
    /// argument keeps its commas.</summary>
    public bool SplitCommas { get; init; } = true;

    public override string Default { get; }
}
