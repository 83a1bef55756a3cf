using System.Globalization;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>Source markers in answer text: <c>[1]</c>, <c>[1, 3]</c>, <c>[2][4]</c>.</summary>
public static partial class CitationMarkers
{
    /// <summary>One marker group; the numbers are in group <c>numbers</c>.</summary>
    [GeneratedRegex(@"\[(?<numbers>\s*\d{1,4}\s*(?:[,;]\s*\d{1,4}\s*)*)\]")]
    public static partial Regex Pattern();

    /// <summary>The numbers of every marker group in <paramref name="text"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<int> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = new List<int>();
        foreach (Match match in Pattern().Matches(text))
        {
            foreach (var number in Parse(match))
            {
                if (!numbers.Contains(number))
                {
                    numbers.Add(number);
                }
            }
        }

        return numbers;
    }

    /// <summary>The numbers of one marker group.</summary>
    public static IReadOnlyList<int> Parse(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Groups["numbers"].Value
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>Writes a marker group: <c>[1, 3]</c>.</summary>
    public static string Format(IEnumerable<int> numbers) => $"[{string.Join(", ", numbers)}]";
}
