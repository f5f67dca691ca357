using System.Globalization;

namespace Prewarm.Core.Cargo;

/// <summary>Cargo's rule for package and dependency names: not empty, not starting with a digit,
/// and made of Unicode identifier characters (XID_Continue, approximated by letters, digits,
/// connector and combining marks) plus <c>_</c>, and <c>-</c> after the first character.</summary>
internal static class CrateName
{
    /// <summary>Null when <paramref name="name"/> is valid, otherwise what is wrong with it.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (char.IsDigit(name[0]))
        {
            return "must not start with a digit";
        }

        var index = 0;
        while (index < name.Length)
        {
            var rune = System.Text.Rune.GetRuneAt(name, index);
            if (!IsAllowed(rune, first: index == 0))
            {
                return $"contains the invalid character `{rune}`";
            }

            index += rune.Utf16SequenceLength;
        }

        return null;
    }

    private static bool IsAllowed(System.Text.Rune rune, bool first) =>
        rune.Value is '_' || rune.Value == '-' && !first || (first ? IsXidStart(rune) : IsXidContinue(rune));

    /// <summary>Unicode XID_Start by general category (UAX #31); the few Other_ID_Start code points do not matter for names.</summary>
    internal static bool IsXidStart(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    /// <summary>Unicode XID_Continue by general category: XID_Start plus digits, marks and connectors.</summary>
    internal static bool IsXidContinue(System.Text.Rune rune) => IsXidStart(rune) || System.Text.Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
