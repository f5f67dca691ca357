namespace Prewarm.Cake.Configuration;

/// <summary>Command-line arguments the calling build reads in its own tasks, declared with
/// <see cref="CakeHostArgumentExtensions.AcceptArguments"/> so Prewarm does not refuse them.</summary>
public sealed class AcceptedArguments(IEnumerable<string> names)
{
    /// <summary>The names, without leading dashes.</summary>
    public IReadOnlyList<string> Names { get; } = names.Select(name => name.TrimStart('-')).ToList();
}
