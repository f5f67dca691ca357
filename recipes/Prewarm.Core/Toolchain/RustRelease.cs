using System.Globalization;

namespace Prewarm.Core.Toolchain;

/// <summary>A Rust release number as cargo compares them (<c>1.78</c>, <c>1.65.0</c>): a missing patch
/// counts as 0; a pre-release or build suffix (<c>-nightly</c>, <c>+ds1</c>) is ignored.</summary>
public readonly record struct RustRelease(int Major, int Minor, int Patch) : IComparable<RustRelease>
{
    public static bool TryParse(string? text, out RustRelease release)
    {
        release = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var core = text.Trim().Split('-', '+')[0];
        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        release = new RustRelease(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(RustRelease other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(RustRelease left, RustRelease right) => left.CompareTo(right) < 0;

    public static bool operator >(RustRelease left, RustRelease right) => left.CompareTo(right) > 0;

    public static bool operator <=(RustRelease left, RustRelease right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RustRelease left, RustRelease right) => left.CompareTo(right) >= 0;

    /// <summary><c>1.78</c>, or <c>1.78.1</c> when the patch matters.</summary>
    public override string ToString() =>
        Patch == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}") : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
