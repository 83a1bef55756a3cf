using System.Globalization;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Citations;

/// <summary>Finds existing norms close to an address that does not exist ("§ 35c BauGB" → § 35, § 35a, § 36).</summary>
public static class NearestNorms
{
    public static IReadOnlyList<NormInfo> Find(IReadOnlyList<NormInfo> norms, string section, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(norms);
        if (norms.Count == 0 || count <= 0)
        {
            return [];
        }

        var wanted = NumberOf(section);
        if (wanted is null)
        {
            var prefix = section.Trim();
            var byPrefix = norms
                .Where(n => prefix.Length > 0 && n.Citation.Section.StartsWith(prefix[..1], StringComparison.OrdinalIgnoreCase))
                .Take(count)
                .ToList();
            return byPrefix.Count > 0 ? byPrefix : norms.Take(count).ToList();
        }

        // Order by distance of the leading number; the stable sort keeps document order among equals.
        return norms
            .Select((norm, index) => (norm, index, distance: NumberOf(norm.Citation.Section) is { } n ? Math.Abs(n - wanted.Value) : int.MaxValue))
            .Where(x => x.distance != int.MaxValue)
            .OrderBy(x => x.distance)
            .ThenBy(x => x.index)
            .Take(count)
            .OrderBy(x => x.index)
            .Select(x => x.norm)
            .ToList();
    }

    private static int? NumberOf(string section)
    {
        var digits = new string(section.Trim().TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }
}
