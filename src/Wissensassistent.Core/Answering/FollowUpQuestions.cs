using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>Suggests follow-up questions from the norms an answer cites ("Welche Ausnahmen gelten nach § 35 BauGB?").</summary>
public static class FollowUpQuestions
{
    /// <param name="knownParts">
    /// Citations known to exist (the Absätze of the cited norms); only these are suggested as "Was regelt … Abs. n",
    /// so that no suggestion points to an Absatz the law does not have.
    /// </param>
    public static IReadOnlyList<string> Suggest(Answer answer, IReadOnlyCollection<Citation>? knownParts = null, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var cited = answer.Citations.OrderBy(c => c.Marker).Select(c => c.Chunk.Citation).ToList();
        var suggestions = new List<string>();
        foreach (var norm in cited.Select(c => c.Norm).DistinctBy(c => c.NormKey))
        {
            if (norm.Kind is NormKind.Paragraph or NormKind.Article)
            {
                var citedAbsaetze = cited.Where(c => c.NormKey == norm.NormKey && c.Absatz is not null).Select(c => c.Absatz!).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var other = (knownParts ?? [])
                    .Where(p => p.NormKey == norm.NormKey && p.Absatz is not null && !citedAbsaetze.Contains(p.Absatz))
                    .Select(p => norm with { Absatz = p.Absatz })
                    .FirstOrDefault();
                if (other is not null)
                {
                    suggestions.Add($"Was regelt {CitationFormatter.Format(other)}?");
                }

                suggestions.Add($"Welche Ausnahmen gelten nach {CitationFormatter.Format(norm)}?");
            }
            else
            {
                suggestions.Add($"Was regelt „{norm.Law}“ außerdem?");
            }
        }

        return suggestions.Distinct(StringComparer.Ordinal).Take(max).ToList();
    }
}
