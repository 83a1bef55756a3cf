using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Adds the legal terms for a short question's everyday words (<c>Protokoll</c> → <c>Niederschrift</c>, <see cref="EverydayVocabulary"/>).
/// An everyday word that some passage holds keeps its say, so its legal terms come at a low weight; one that no passage holds
/// (<c>Glatteis</c>, <c>Mülltonne</c>) scores nothing itself, so its legal terms take its place at a higher weight, as the
/// stand-ins of <see cref="UnknownWords"/> do.
/// </summary>
public static class EverydayTerms
{
    public static async Task<LexicalQuery> ExpandAsync(LexicalQuery query, string question, ITextAnalyzer analyzer, EverydayVocabulary everyday, StoreVocabulary known, double knownWordWeight, double unknownWordWeight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(everyday);
        ArgumentNullException.ThrowIfNull(known);
        var forKnown = new List<string>();
        var forUnknown = new List<string>();
        foreach (var (word, terms) in everyday.LegalTermsByWord(question))
        {
            var term = analyzer.Analyze(word).FirstOrDefault();
            (term is null || await known.ContainsAsync(term, cancellationToken) ? forKnown : forUnknown).Add(terms);
        }

        query = QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', forKnown), knownWordWeight);
        return QueryTerms.WithLegalTerms(query, analyzer, string.Join(' ', forUnknown), Math.Max(knownWordWeight, unknownWordWeight));
    }
}
