namespace Prewarm.Core.Warmup;

/// <summary>What a warmup tier may be called: it becomes a directory, a crate name and a Dockerfile layer.</summary>
public static class WarmupTierName
{
    public static bool IsValid(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
