using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// A keyword question ("Widerspruch Gebühr?", "Bodenaushub Genehmigung?") says nothing about whose rule it asks for, and a
/// federal statute with many passages on the words fills the places behind the best match. Behind that best match, which keeps
/// its place whatever its level, the law the deployment works under (the Land's, the Gemeinde's and the other local bodies'
/// documents, the administration's own guidelines) scores <c>1 + boost</c> times, so its documents come before further federal
/// passages of about the same score. Not for a question that names a law: then that law is what it asks about. Only the
/// candidates' levels are read.
/// </summary>
public static class KeywordQuestionLaw
{
    /// <summary>
    /// The hits with every passage but the first at or below the deployment's level scaled by 1 + <paramref name="boost"/>,
    /// re-sorted with the first kept first; unchanged for a question of more than <paramref name="maxQuestionTerms"/> analysed
    /// terms or one that names a law.
    /// </summary>
    public static IReadOnlyList<ScoredChunk> Apply(IReadOnlyList<ScoredChunk> hits, int questionTerms, bool namesLaw, int maxQuestionTerms, double boost)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (boost <= 0 || hits.Count < 2 || questionTerms > maxQuestionTerms || namesLaw)
        {
            return hits;
        }

        var scaled = hits.Select(hit => IsOwnLaw(hit.Chunk.Level) ? hit with { Score = hit.Score * (1 + boost) } : hit).ToArray();

        // Later steps sort by score again, so the first hit keeps its place by its score, not by its position.
        var top = scaled.Max(hit => hit.Score);
        var first = scaled[0];
        if (first.Score < top)
        {
            scaled[0] = first with { Score = top + (Math.Abs(top) * 1e-9) };
        }

        return ScoreOrder.Descending(scaled);
    }

    private static bool IsOwnLaw(Level level) => level is Level.Land or Level.Kommune or Level.Intern;
}
