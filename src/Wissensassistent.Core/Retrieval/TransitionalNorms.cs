using System.Text.RegularExpressions;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Transitional provisions and entry-into-force norms ("§ 42b Übergangsregelung aus Anlass …", "§ 28 Inkrafttreten") repeat the
/// vocabulary of the whole law ("über einen Wohngeldantrag noch nicht entschieden") but answer a current question only when it
/// asks about the transition. Their passages are weighted down unless the question does ask about it.
/// </summary>
public static partial class TransitionalNorms
{
    public static bool IsTransitional(string normTitle)
    {
        ArgumentNullException.ThrowIfNull(normTitle);
        return TransitionalTitle().IsMatch(normTitle);
    }

    /// <summary>The hits with transitional norms' scores times <paramref name="weight"/>, re-sorted; unchanged when the question asks about a transition.</summary>
    public static IReadOnlyList<ScoredChunk> Apply(string question, IReadOnlyList<ScoredChunk> hits, double weight)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(hits);
        if (weight >= 1 || hits.Count == 0 || AsksAboutTransition().IsMatch(question))
        {
            return hits;
        }

        return hits
            .Select(hit => IsTransitional(IndexedTerms.NormTitle(hit.Chunk)) ? hit with { Score = hit.Score * weight } : hit)
            .OrderByDescending(hit => hit.Score)
            .ToList();
    }

    [GeneratedRegex(@"Übergangs(vorschrift|regelung|bestimmung)|Inkrafttreten|Außerkrafttreten", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransitionalTitle();

    [GeneratedRegex(@"übergang|inkraft|außerkraft|in kraft|alte[nmrs]? (fassung|recht)|bisherige[nmrs]? recht", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksAboutTransition();
}
