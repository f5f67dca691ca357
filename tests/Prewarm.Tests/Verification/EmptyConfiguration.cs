using Cake.Core.Configuration;

namespace Prewarm.Tests.Verification;

/// <summary>A Cake configuration with no values: tool resolution and the process runner use their defaults.</summary>
internal sealed class EmptyConfiguration : ICakeConfiguration
{
    public string? GetValue(string key) => null;
}
