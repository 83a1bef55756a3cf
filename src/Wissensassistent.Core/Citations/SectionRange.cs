using System.Globalization;

namespace Wissensassistent.Core.Citations;

/// <summary>
/// A norm heading that stands for several numbers, as repealed runs are printed: <c>§§ 1321 bis 1352 (weggefallen)</c>,
/// <c>§§ 114 und 115</c>, <c>§§ 1615b bis 1615k</c>. Every number in it is an address that resolves to that heading.
/// </summary>
public static class SectionRange
{
    /// <summary>Whether <paramref name="section"/> (<c>1330</c>) is one of the numbers <paramref name="range"/> (<c>1321 bis 1352</c>) stands for.</summary>
    public static bool Contains(string range, string section)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(section);
        if (!TryParse(range, out var first, out var last, out var both) || Split(section.Trim().ToLowerInvariant()) is not { } wanted)
        {
            return false;
        }

        if (both)
        {
            return wanted == first || wanted == last;
        }

        return Compare(first, wanted) <= 0 && Compare(wanted, last) <= 0;
    }

    /// <summary>Whether a norm's section is a range (<c>3 bis 6</c>) rather than one number.</summary>
    public static bool IsRange(string section) => TryParse(section, out _, out _, out _);

    private static bool TryParse(string range, out (int Number, string Suffix) first, out (int Number, string Suffix) last, out bool both)
    {
        first = last = default;
        both = false;
        var parts = range.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[1] is not ("bis" or "und" or "-" or "–") || Split(parts[0]) is not { } from || Split(parts[2]) is not { } to)
        {
            return false;
        }

        first = from;
        last = to;
        both = parts[1] == "und";
        return Compare(from, to) < 0;
    }

    private static (int Number, string Suffix)? Split(string section)
    {
        var digits = 0;
        while (digits < section.Length && char.IsAsciiDigit(section[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 6 || !section.AsSpan(digits).ToString().All(char.IsAsciiLetter))
        {
            return null;
        }

        return (int.Parse(section.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture), section[digits..]);
    }

    private static int Compare((int Number, string Suffix) a, (int Number, string Suffix) b) =>
        a.Number != b.Number ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(a.Suffix, b.Suffix);
}
