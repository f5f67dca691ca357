using Prewarm.Core.Services;

namespace Prewarm.Core.Configuration;

/// <summary>What prewarm.toml holds: options in command-line shape (argument name → values), and the
/// services it declares, in the file's order.</summary>
public sealed record PrewarmConfig(IReadOnlyDictionary<string, IReadOnlyList<string>> Options, IReadOnlyList<ServiceDefinition> Services);
