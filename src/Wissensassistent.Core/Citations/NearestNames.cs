namespace Wissensassistent.Core.Citations;

/// <summary>"Did you mean": law names within a small edit distance of what was typed.</summary>
public static class NearestNames
{
    public static IReadOnlyList<string> Find(string input, IEnumerable<string> names, int count) =>
        names
            .Select(n => (Name: n, Distance: EditDistance(input.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, input.Length / 2))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)
            .ToList();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
