using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Decides which retrieved passages may ground an answer. Fused search scores are only comparable within one result and say
/// nothing absolute, so the test is lexical and explainable: a passage (heading path, title and text) is relevant when it
/// contains at least <see cref="AnswerOptions.MinMatchedTerms"/> of the question's content words (fewer if the question has
/// fewer) and at least <see cref="AnswerOptions.MinTermCoverage"/> of them (see <see cref="ContentTerms"/> for matching).
/// A passage of a norm the question names (<c>§ 35 BauGB</c>) is always relevant; repealed passages never are.
/// </summary>
public static class RelevanceAssessor
{
    public static RelevanceAssessment Assess(string question, SearchResult result, AnswerOptions options, int maxPassages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);

        // A named norm is matched through NamedNorms; its law abbreviation would match every passage of that law.
        var terms = ContentTerms.Extract(FollowUpResolver.WithoutNorms(question));
        var named = result.NamedNorms.Select(norm => norm.NormKey).ToHashSet(StringComparer.Ordinal);
        var required = RequiredMatches(terms.Count, options);
        var relevant = new List<SearchHit>();
        foreach (var hit in result.Hits)
        {
            if (relevant.Count >= maxPassages)
            {
                break;
            }

            if (!hit.Chunk.IsRepealed && (named.Contains(hit.Chunk.Citation.NormKey) || Matches(hit.Chunk, terms) >= required))
            {
                relevant.Add(hit);
            }
        }

        var nearest = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed)
            .Select(hit => hit.Chunk)
            .DistinctBy(chunk => chunk.Citation.NormKey)
            .Take(options.NearestNormsOnRefusal)
            .ToList();
        return new RelevanceAssessment(relevant, nearest, terms);
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
