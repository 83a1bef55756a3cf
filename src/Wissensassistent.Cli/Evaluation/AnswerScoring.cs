using System.Text;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// Scores answers for the staff format: gold norms ranked and cited, key facts stated (compared with whitespace and
/// <c>**</c> folded away), refusals against <c>answerable</c>.
/// </summary>
public static class AnswerScoring
{
    public static AnswerOutcome Score(string id, bool answerable, IReadOnlyList<GoldNorm> gold, IReadOnlyList<Chunk> ranked, Answer answer, IReadOnlyList<string> keyFacts, double latencyMs)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(keyFacts);
        bool IsGold(Chunk chunk) => gold.Any(g => g.Matches(chunk));
        var index = ranked.DistinctBy(c => c.Citation.NormKey).ToList().FindIndex(IsGold);
        var text = Fold(answer.Text);
        var stated = answer.Refused ? 0 : keyFacts.Count(fact => text.Contains(Fold(fact), StringComparison.Ordinal));
        return new AnswerOutcome(
            id,
            answerable,
            index < 0 ? null : index + 1,
            answer.Refused,
            !answer.Refused && answer.Citations.Any(c => IsGold(c.Chunk)),
            stated,
            keyFacts.Count,
            answer.Citations.Select(c => CitationFormatter.FormatNorm(c.Chunk.Citation)).Distinct(StringComparer.Ordinal).ToList(),
            latencyMs);
    }

    public static AnswerScores Summarize(IReadOnlyList<AnswerOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var answerable = outcomes.Where(o => o.Answerable).ToList();
        var notAnswerable = outcomes.Where(o => !o.Answerable).ToList();
        double Share(Func<AnswerOutcome, bool> predicate) => answerable.Count == 0 ? 0 : (double)answerable.Count(predicate) / answerable.Count;
        var refusedAnswerable = answerable.Count(o => o.Refused);
        var refusedNot = notAnswerable.Count(o => o.Refused);
        var refused = refusedAnswerable + refusedNot;
        var latencies = outcomes.Select(o => o.LatencyMs).Order().ToList();
        return new AnswerScores(
            answerable.Count,
            notAnswerable.Count,
            Share(o => o.FirstGoldRank is 1),
            Share(o => o.FirstGoldRank is <= 5),
            Share(o => o.FirstGoldRank is <= 10),
            Share(o => o.GoldCited),
            Share(o => o.GoldCited && o.AllFactsStated),
            answerable.Count == 0 ? 0 : answerable.Average(o => o.FactsTotal == 0 ? 0 : (double)o.FactsStated / o.FactsTotal),
            refusedAnswerable,
            refusedNot,
            refused == 0 ? 1 : (double)refusedNot / refused,
            notAnswerable.Count == 0 ? 1 : (double)refusedNot / notAnswerable.Count,
            RetrievalMetrics.Percentile(latencies, 50),
            RetrievalMetrics.Percentile(latencies, 95));
    }

    /// <summary>Whitespace and Markdown bold removed: a key fact counts however the answer wraps or emphasises it.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Replace("**", string.Empty, StringComparison.Ordinal))
        {
            if (!char.IsWhiteSpace(c))
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }
}
