using System.Collections;
using System.Text.RegularExpressions;

namespace Prewarm.Core.Security;

/// <summary>
/// Replaces known secret values with <c>***</c> in anything Prewarm prints or writes. Secrets are
/// the values of environment variables whose names mark them as credentials (registry tokens,
/// passwords, CI job tokens) plus any value registered explicitly (for example a <c>--secret</c>
/// read from a file).
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    // Values this short are too likely to occur by chance ("1", "true") to be worth masking.
    private const int MinimumLength = 4;

    private readonly object _gate = new();
    private string[] _secrets = [];

    public static SecretRedactor FromEnvironment() => FromVariables(Environment.GetEnvironmentVariables());

    public static SecretRedactor FromVariables(IDictionary variables)
    {
        var redactor = new SecretRedactor();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && entry.Value is string value && IsSecretName(name))
            {
                redactor.Add(value);
            }
        }

        return redactor;
    }

    /// <summary>Names such as CARGO_REGISTRIES_MY_REG_TOKEN, CARGO_REGISTRY_TOKEN, DOCKER_PASSWORD, GITHUB_TOKEN.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    public void Add(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            _secrets = _secrets.Append(secret).Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToArray();
        }
    }

    public bool IsEmpty => _secrets.Length == 0;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex(@"(^|_)(TOKEN|PASSWORD|PASSWD|SECRET|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)(_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
