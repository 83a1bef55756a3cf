using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Decides which retrieved passages may ground an answer. Fused search scores are only comparable within one result and say
/// nothing absolute, so the test is lexical and explainable: a passage (heading path, title and text) is relevant when it
/// contains at least <see cref="AnswerOptions.MinMatchedTerms"/> of the question's content words (fewer if the question has
/// fewer) and at least <see cref="AnswerOptions.MinTermCoverage"/> of them (see <see cref="ContentTerms"/> for matching).
/// One legal term for the question's everyday words (<see cref="ContentTerms.LegalAlternatives"/>) counts as a match too.
/// A passage of a norm the question names (<c>§ 35 BauGB</c>) is always relevant; repealed passages never are. The other
/// retrieved passages of a relevant norm are relevant too.
/// </summary>
public static class RelevanceAssessor
{
    /// <summary>Passages of one norm among those that ground an answer, so that one long norm does not crowd out the rest.</summary>
    private const int MaxPassagesPerNorm = 3;

    public static RelevanceAssessment Assess(string question, SearchResult result, AnswerOptions options, int maxPassages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);

        // A named norm is matched through NamedNorms; its law abbreviation would match every passage of that law.
        var terms = ContentTerms.Extract(FollowUpResolver.WithoutNorms(question));
        var alternatives = ContentTerms.LegalAlternatives(question, terms);
        var named = result.NamedNorms.Select(norm => norm.NormKey).ToHashSet(StringComparer.Ordinal);
        var required = RequiredMatches(terms.Count, options);
        // A norm is relevant when one of its passages is; its other retrieved passages (the Absatz with the figure that
        // does not repeat the question's words) then count too.
        var relevantNorms = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed && (named.Contains(hit.Chunk.Citation.NormKey) || Matches(hit.Chunk, terms) + Math.Min(1, Matches(hit.Chunk, alternatives)) >= required))
            .Select(hit => hit.Chunk.Citation.NormKey)
            .ToHashSet(StringComparer.Ordinal);
        var relevant = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed && relevantNorms.Contains(hit.Chunk.Citation.NormKey))
            .GroupBy(hit => hit.Chunk.Citation.NormKey, StringComparer.Ordinal)
            .SelectMany(norm => norm.Take(MaxPassagesPerNorm))
            .OrderBy(hit => hit.Rank)
            .Take(maxPassages)
            .ToList();

        var nearest = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed)
            .Select(hit => hit.Chunk)
            .DistinctBy(chunk => chunk.Citation.NormKey)
            .Take(options.NearestNormsOnRefusal)
            .ToList();
        return new RelevanceAssessment(relevant, nearest, terms);
    }

    /// <summary>
    /// The second half of the gate: a question for an amount or a time span ("Was kostet …", "Bis wann …") is answered only
    /// when a relevant passage states one in a sentence that shares a content word with the question (or under a norm title
    /// that does). A norm that is about the matter but leaves the figure to another text (a fee ordinance that is not in
    /// the corpus) does not answer it.
    /// </summary>
    public static bool StatesAskedFact(string question, IReadOnlyList<Chunk> relevant)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(relevant);
        var intent = QuestionIntents.Of(question) & (QuestionIntent.Amount | QuestionIntent.Time);
        if (intent == QuestionIntent.None)
        {
            return true;
        }

        var own = ContentTerms.Extract(FollowUpResolver.WithoutNorms(question));
        IReadOnlyList<string> terms = [.. own, .. ContentTerms.LegalAlternatives(question, own)];
        foreach (var chunk in relevant)
        {
            var titleMatched = ContentTerms.CountOccurring(terms, ContentTerms.Vocabulary($"{chunk.NormTitle}\n{chunk.HeadingPath.LastOrDefault()}")) > 0;
            foreach (var unit in AnswerUnits.Of(chunk.Text))
            {
                if (QuestionIntents.FactsStated(intent, unit.Text) >= 1
                    && (titleMatched || ContentTerms.CountOccurring(terms, ContentTerms.Vocabulary(unit.Text)) > 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How many of the question's content stems the passage contains.</summary>
    public static int Matches(Chunk chunk, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return 0;
        }

        var vocabulary = ContentTerms.Vocabulary($"{chunk.SearchText}\n{chunk.NormTitle}\n{chunk.Citation.Law}");
        return ContentTerms.CountOccurring(terms, vocabulary);
    }

    /// <summary>Without content words (a bare "§ 35 BauGB?") only named norms qualify.</summary>
    private static int RequiredMatches(int termCount, AnswerOptions options) =>
        termCount == 0
            ? int.MaxValue
            : Math.Max(Math.Min(options.MinMatchedTerms, termCount), (int)Math.Ceiling(options.MinTermCoverage * termCount));
}
