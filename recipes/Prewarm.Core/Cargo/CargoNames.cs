using System.Globalization;
using System.Text;

namespace Prewarm.Core.Cargo;

/// <summary>Cargo's rules for package, dependency and feature names (cargo-util-schemas'
/// restricted names): Unicode identifier characters plus <c>-</c>, no leading digit for packages.</summary>
internal static class CargoNames
{
    /// <summary>Null when <paramref name="name"/> is a valid package (or dependency key) name, else why not.</summary>
    public static string? PackageNameProblem(string name, string what = "package name")
    {
        if (name.Length == 0)
        {
            return $"{what} cannot be empty";
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            if (first)
            {
                first = false;
                if (rune.Value is >= '0' and <= '9')
                {
                    return $"invalid character `{rune}` in {what}: `{name}`, the name cannot start with a digit";
                }

                if (!IsXidStart(rune) && rune.Value != '_')
                {
                    return $"invalid character `{rune}` in {what}: `{name}`, the first character must be a Unicode XID start character (most letters or `_`)";
                }
            }
            else if (!IsXidContinue(rune) && rune.Value != '-')
            {
                return $"invalid character `{rune}` in {what}: `{name}`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="name"/> is a valid feature name, else why not.</summary>
    public static string? FeatureNameProblem(string name)
    {
        const string what = "feature name";
        if (name.Length == 0)
        {
            return $"{what} cannot be empty";
        }

        if (name.StartsWith("dep:", StringComparison.Ordinal))
        {
            return $"feature named `{name}` is not allowed to start with `dep:`";
        }

        if (name.Contains('/'))
        {
            return $"invalid character `/` in {what}: `{name}`, feature name is not allowed to contain slashes";
        }

        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            if (first)
            {
                first = false;
                if (!IsXidStart(rune) && rune.Value != '_' && rune.Value is not (>= '0' and <= '9'))
                {
                    return $"invalid character `{rune}` in {what}: `{name}`, the first character must be a Unicode XID start character or digit (most letters or `_` or `0` to `9`)";
                }
            }
            else if (!IsXidContinue(rune) && rune.Value is not ('-' or '+' or '.'))
            {
                return $"invalid character `{rune}` in {what}: `{name}`, characters must be Unicode XID characters, '-', `+`, or `.` (numbers, `+`, `-`, `_`, `.`, or most letters)";
            }
        }

        return null;
    }

    // XID_Start/XID_Continue by general category (UAX #31); the handful of Other_ID_* code points
    // that differ are irrelevant for crate names.
    private static bool IsXidStart(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsXidContinue(Rune rune) => IsXidStart(rune) || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
