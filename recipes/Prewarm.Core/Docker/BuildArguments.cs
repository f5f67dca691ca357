using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>Build args end up in the image's history for anyone to read: names that look like
/// credentials are refused, with the flag to use instead.</summary>
public static partial class BuildArguments
{
    public static KeyValuePair<string, string> Parse(string value)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0)
        {
            throw new PrewarmException($"--build-arg '{Redact(value)}': expected NAME=VALUE.");
        }

        var name = value[..equals];
        if (SecretLooking().IsMatch(name))
        {
            throw new PrewarmException($"--build-arg {name}: looks like a secret; build args are stored in the image, pass it with --secret id={name.ToLowerInvariant()},env={name} instead.");
        }

        return new(name, value[(equals + 1)..]);
    }

    private static string Redact(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex("(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY|AUTH)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretLooking();
}
