using System.Security.Cryptography;
using System.Text;

namespace Prewarm.Core.Docker;

/// <summary>
/// SHA-256 of what an image's dependency steps are made from: the Dockerfile, the staged context's
/// <c>prewarm/</c> directory (skeleton, warmup tiers), the platform and the build arguments (the seed's
/// own excepted). Sources are not in it: a source edit leaves the dependency steps as they were.
/// </summary>
public static class SeedInputs
{
    public static string Compute(string dockerfile, string contextDirectory, string platform, IEnumerable<KeyValuePair<string, string>> buildArguments)
    {
        var dependencies = Path.Combine(contextDirectory, "prewarm");
        // The Image task stages prewarm/ before it asks; a context without one has only the Dockerfile to go by.
        var files = Directory.Exists(dependencies)
            ? ContextFingerprint.Compute(dockerfile, dependencies, [])
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dockerfile)));
        var text = new StringBuilder(files).Append('\n').Append(platform).Append('\n');
        foreach (var (key, value) in buildArguments.Where(a => a.Key != SeedImage.BuildArgument).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
