namespace Prewarm.Core.Configuration;

/// <summary>
/// The command-line arguments a run accepts: every catalogued option, <c>--config</c>, the build
/// host's own switches and what the calling build declared for its own tasks. An argument with an
/// underscore is Cake configuration (<c>--settings_KEY=VALUE</c>, <c>--section_key</c>) and always
/// passes. Anything else is refused in one line naming the nearest known argument, as a typo in
/// prewarm.toml is.
/// </summary>
public sealed class KnownArguments
{
    private readonly HashSet<string> _names;

    /// <param name="others">The host's own switches and the calling build's declared arguments, without dashes.</param>
    public KnownArguments(IEnumerable<string> others) =>
        _names = new HashSet<string>(
            OptionCatalog.All.Select(o => o.Argument).Append(PrewarmConfigFile.Argument).Concat(others),
            StringComparer.OrdinalIgnoreCase);

    public bool Contains(string name) => name.Contains('_', StringComparison.Ordinal) || _names.Contains(name);

    /// <summary>Throws for the first argument (name without dashes) that is not known.</summary>
    public void Check(IEnumerable<string> given)
    {
        if (given.FirstOrDefault(name => !Contains(name)) is { } unknown)
        {
            throw new PrewarmException(Unknown(unknown));
        }
    }

    /// <summary><c>--layout: unknown option; did you mean --cargo-layout?</c></summary>
    public string Unknown(string name) =>
        NearestName.Find(name, _names.Concat(OptionCatalog.All.Select(o => o.Key))) is { } nearest
            ? $"--{name}: unknown option; did you mean --{ArgumentFor(nearest)}?"
            : $"--{name}: unknown option (a build's own options are declared with CakeHost.AcceptArguments; README, \"Arguments\")";

    // A prewarm.toml key spelt on the command line (layout) names its argument (cargo-layout).
    private string ArgumentFor(string nearest) =>
        _names.Contains(nearest) ? nearest : OptionCatalog.All.First(o => o.Key == nearest).Argument;
}
