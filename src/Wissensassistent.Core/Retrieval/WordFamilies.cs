using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Adds to a short question the members of its words' families that the index knows: "Bürger ehren" meets
/// "Ehrungen", "kündigen" meets "Kündigung", "zuständig" meets "Zuständigkeit", "melde … an" meets "anmelden"
/// (<see cref="GermanWordFamily"/>). A derived form is a guess at the same meaning, so it weighs less than the question's
/// own word, and a part of a compound passes on its lower weight.
/// </summary>
public static class WordFamilies
{
    public static async Task<LexicalQuery> ExpandAsync(LexicalQuery query, string question, ITextAnalyzer analyzer, StoreVocabulary vocabulary, double weight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (weight <= 0 || query.IsEmpty)
        {
            return query;
        }

        var merged = query.Terms.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal);
        var sources = query.Terms.Select(t => (t.Term, t.Weight)).ToList();
        foreach (var verb in GermanWordFamily.SeparableVerbs(question))
        {
            if (analyzer.Analyze(verb) is [var stem])
            {
                sources.Add((stem, 1.0));
                await AddAsync(stem, weight);
            }
        }

        foreach (var (term, termWeight) in sources.ToList())
        {
            foreach (var related in GermanWordFamily.RelatedStems(term))
            {
                await AddAsync(related, weight * Math.Min(1, termWeight));
            }
        }

        return new LexicalQuery(merged.Select(kv => new WeightedTerm(kv.Key, kv.Value)).ToList());

        async Task AddAsync(string term, double termWeight)
        {
            // A term already in the query keeps its own (higher) weight.
            if (!merged.ContainsKey(term) && await vocabulary.ContainsAsync(term, cancellationToken))
            {
                merged[term] = termWeight;
            }
        }
    }
}
