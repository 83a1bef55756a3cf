using System.Text.RegularExpressions;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Stand-ins for the words of a short question that no passage of the store contains ("Winterdienst", "Hallennutzung",
/// "Feuerwehrkommandant"): such a word adds nothing to the ranking. It gets its thesaurus synonyms and, when it splits into two
/// words the store knows, those two parts (the shipped compound dictionary only knows words the corpus uses alone three times,
/// so "Kommandant" is missing from it). Words the store knows are left alone: thesaurus senses of those were measured to hurt.
/// </summary>
public sealed partial class UnknownWords(IKnowledgeStore store, ITextAnalyzer analyzer, Thesaurus thesaurus)
{
    /// <summary>Shorter parts ("not", "ein") match too much by accident.</summary>
    private const int MinPartLength = 4;

    /// <summary>Linking elements a first part may end in ("Redaktion|s|schluss", "Halle|n|nutzung").</summary>
    private static readonly string[] Linkers = ["s", "n", "en", "es", "e"];

    /// <summary>The query with the stand-ins of its unknown words added at the given weights (0 leaves a kind out).</summary>
    public async Task<LexicalQuery> ExpandAsync(LexicalQuery query, string question, double synonymWeight, double partWeight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(question);
        if (synonymWeight <= 0 && partWeight <= 0)
        {
            return query;
        }

        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        var synonyms = new List<string>();
        var parts = new List<string>();
        foreach (var word in WordPattern().Matches(question).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            var term = analyzer.Analyze(word).FirstOrDefault();
            if (term is null || await IsKnownAsync(term, known, cancellationToken))
            {
                continue;
            }

            if (synonymWeight > 0)
            {
                synonyms.AddRange(thesaurus.SynonymsOf(word));
            }

            if (partWeight > 0 && await SplitAsync(word, known, cancellationToken) is { } split)
            {
                parts.Add(split.Head);
                parts.Add(split.Tail);
            }
        }

        query = QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', synonyms), synonymWeight);
        return QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', parts), partWeight);
    }

    /// <summary>The split with the longest known last part whose first part (without a linking element) is known too.</summary>
    private async Task<(string Head, string Tail)?> SplitAsync(string word, Dictionary<string, bool> known, CancellationToken cancellationToken)
    {
        for (var at = MinPartLength; at <= word.Length - MinPartLength; at++)
        {
            var tail = word[at..];
            if (analyzer.Analyze(tail).FirstOrDefault() is not { } tailTerm || !await IsKnownAsync(tailTerm, known, cancellationToken))
            {
                continue;
            }

            var head = word[..at];
            foreach (var candidate in Linkers.Where(l => head.Length - l.Length >= MinPartLength && head.EndsWith(l, StringComparison.Ordinal)).Select(l => head[..^l.Length]).Prepend(head))
            {
                if (analyzer.Analyze(candidate).FirstOrDefault() is { } headTerm && await IsKnownAsync(headTerm, known, cancellationToken))
                {
                    return (candidate, tail);
                }
            }
        }

        return null;
    }

    private async Task<bool> IsKnownAsync(string term, Dictionary<string, bool> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(term, out var isKnown))
        {
            isKnown = (await store.SearchLexicalAsync(new LexicalQuery([new WeightedTerm(term, 1)]), SearchFilter.None, 1, cancellationToken)).Count > 0;
            known[term] = isKnown;
        }

        return isKnown;
    }

    /// <summary>Words of four letters or more: shorter ones are function words or abbreviations.</summary>
    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
