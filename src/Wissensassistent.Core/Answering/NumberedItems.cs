using System.Globalization;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Finds the numbered item ("1.", "2.", …) of an Absatz a position falls in. Only a run that starts at 1 and counts up
/// counts as a list, so that dates ("8. August") and stray numbers are not taken for items.
/// </summary>
public static partial class NumberedItems
{
    /// <summary>The item number at <paramref name="position"/> of <paramref name="text"/>, or null outside a list.</summary>
    public static string? ItemAt(string text, int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<(int Number, int Index)>();
        var expected = 1;
        foreach (Match match in ItemPattern().Matches(text))
        {
            var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (number == expected)
            {
                starts.Add((number, match.Groups["number"].Index));
                expected++;
            }
        }

        if (starts.Count < 2)
        {
            return null;
        }

        string? item = null;
        foreach (var (number, index) in starts)
        {
            if (index > position)
            {
                break;
            }

            item = number.ToString(CultureInfo.InvariantCulture);
        }

        return item;
    }

    [GeneratedRegex(@"(?<=^|[\s,;:])(?<number>\d{1,2})\.\s")]
    private static partial Regex ItemPattern();
}
