namespace Prewarm.Core.Configuration;

/// <summary>How an option is written on the command line.</summary>
public enum OptionShape
{
    /// <summary><c>--push</c>, or <c>--push=off</c>.</summary>
    Flag,

    /// <summary><c>--profile=release</c>: the last one given wins.</summary>
    Value,

    /// <summary><c>--tag=a --tag=b</c>: every one counts.</summary>
    Repeatable,
}
