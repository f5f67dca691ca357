namespace Prewarm.Core.Cargo;

/// <summary>Cargo's rule for the keys of <c>[features]</c>: not empty, no <c>dep:</c> prefix, no
/// <c>/</c> (that separates a dependency from its feature), and Unicode identifier characters plus
/// <c>-</c>, <c>+</c> and <c>.</c>; unlike a crate name it may start with a digit.</summary>
internal static class FeatureName
{
    /// <summary>Null when <paramref name="name"/> is a valid feature name, otherwise a clause saying what is wrong with it.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it must not be empty";
        }

        if (name.StartsWith("dep:", StringComparison.Ordinal))
        {
            return "it must not start with `dep:`";
        }

        if (name.Contains('/'))
        {
            return "a feature name is not allowed to contain slashes";
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            var allowed = first
                ? CrateName.IsXidStart(rune) || rune.Value is '_' or (>= '0' and <= '9')
                : CrateName.IsXidContinue(rune) || rune.Value is '-' or '+' or '.';
            if (!allowed)
            {
                return $"it contains the invalid character `{rune}`";
            }

            first = false;
        }

        return null;
    }
}
