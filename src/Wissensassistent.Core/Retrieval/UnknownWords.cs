using Wissensassistent.Core.Storage;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Stand-ins for the words of a short question that no passage of the store contains ("Winterdienst", "Hallennutzung",
/// "Feuerwehrkommandant"): such a word adds nothing to the ranking. It gets its thesaurus synonyms and, when it splits into two
/// words the store knows, those two parts (the shipped compound dictionary only knows words the corpus uses alone three times,
/// so "Kommandant" is missing from it). A noun that does not split so gets its longest known last part, at a lower weight
/// ("Notunterkunft" → "Unterkunft": a compound names a kind of its last part). Words the store knows are left alone: thesaurus
/// senses of those were measured to hurt.
/// </summary>
public sealed partial class UnknownWords(ITextAnalyzer analyzer, Thesaurus thesaurus)
{
    /// <summary>Shorter parts ("not", "ein") match too much by accident.</summary>
    private const int MinPartLength = 4;

    /// <summary>A last part standing alone for the compound must say more than a short word does.</summary>
    private const int MinTailLength = 5;

    /// <summary>Longer than the longest statute compounds ("Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung", 67).</summary>
    private const int MaxWordLength = 80;

    /// <summary>Linking elements a first part may end in ("Redaktion|s|schluss", "Halle|n|nutzung").</summary>
    private static readonly string[] Linkers = ["s", "n", "en", "es", "e"];

    /// <summary>The query with the stand-ins of its unknown words added at the given weights (0 leaves a kind out).</summary>
    public async Task<LexicalQuery> ExpandAsync(LexicalQuery query, string question, StoreVocabulary known, double synonymWeight, double partWeight, double tailWeight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(question);
        if (synonymWeight <= 0 && partWeight <= 0 && tailWeight <= 0)
        {
            return query;
        }

        var synonyms = new List<string>();
        var parts = new List<string>();
        var tails = new List<string>();
        foreach (var word in WordPattern().Matches(question).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            // A longer "word" is a pasted blob, not a compound: splitting it at every position would cost its length squared.
            var term = word.Length > MaxWordLength ? null : analyzer.Analyze(word).FirstOrDefault();
            if (term is null || await known.ContainsAsync(term, cancellationToken))
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
            else if (tailWeight > 0 && char.IsUpper(word[0]) && await KnownTailAsync(word, known, cancellationToken) is { } tail)
            {
                tails.Add(tail);
            }
        }

        query = QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', synonyms), synonymWeight);
        query = QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', tails), tailWeight);
        return QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', parts), partWeight);
    }

    /// <summary>
    /// The longest known last part of a compound whose first part is unknown or too short to check ("Not|unterkunft"): a German
    /// compound names a kind of its last part, so that part stands for it, more loosely than both parts would.
    /// </summary>
    private async Task<string?> KnownTailAsync(string word, StoreVocabulary known, CancellationToken cancellationToken)
    {
        for (var at = 2; at <= word.Length - MinTailLength; at++)
        {
            var tail = word[at..];
            if (analyzer.Analyze(tail).FirstOrDefault() is { } tailTerm && await known.ContainsAsync(tailTerm, cancellationToken))
            {
                return tail;
            }
        }

        return null;
    }

    /// <summary>The split with the longest known last part whose first part (without a linking element) is known too.</summary>
    private async Task<(string Head, string Tail)?> SplitAsync(string word, StoreVocabulary known, CancellationToken cancellationToken)
    {
        for (var at = MinPartLength; at <= word.Length - MinPartLength; at++)
        {
            var tail = word[at..];
            if (analyzer.Analyze(tail).FirstOrDefault() is not { } tailTerm || !await known.ContainsAsync(tailTerm, cancellationToken))
            {
                continue;
            }

            var head = word[..at];
            foreach (var candidate in Linkers.Where(l => head.Length - l.Length >= MinPartLength && head.EndsWith(l, StringComparison.Ordinal)).Select(l => head[..^l.Length]).Prepend(head))
            {
                if (analyzer.Analyze(candidate).FirstOrDefault() is { } headTerm && await known.ContainsAsync(headTerm, cancellationToken))
                {
                    return (candidate, tail);
                }
            }
        }

        return null;
    }

    /// <summary>Words of four letters or more: shorter ones are function words or abbreviations.</summary>
    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
