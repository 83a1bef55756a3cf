using System.Globalization;
using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>Finds dates as the corpus writes them: <c>1960-06-23</c>, <c>24.07.2000</c>, <c>3. Juli 2007</c>.</summary>
internal static partial class GermanDates
{
    private static readonly string[] Months =
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"];

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var iso = Iso().Match(text);
        var numeric = Numeric().Match(text);
        var written = Written().Match(text);
        var candidates = new[] { iso, numeric, written }.Where(m => m.Success).OrderBy(m => m.Index);
        foreach (var match in candidates)
        {
            if (ToDate(match) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>"Januar 2025" → true: a month-year Stand as municipal texts give it.</summary>
    public static bool IsMonthYear(string text) => MonthYear().IsMatch(text.Trim());

    private static DateOnly? ToDate(Match match)
    {
        int year, month, day;
        if (match.Groups["month"].Success && !int.TryParse(match.Groups["month"].Value, CultureInfo.InvariantCulture, out month))
        {
            month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant().Replace("maerz", "märz", StringComparison.Ordinal)) + 1;
        }
        else
        {
            month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        }

        year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += year < 50 ? 2000 : 1900;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"\b(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.\s?(?<month>\d{1,2})\.\s?(?<year>\d{4}|\d{2})\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.\s*(?<month>Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Written();

    [GeneratedRegex(@"^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();
}
