using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>Turns a question into weighted terms and expands it by pseudo-relevance feedback (RM3-style).</summary>
public static class QueryTerms
{
    /// <summary>
    /// Weight 1 + ln(tf): a term the question repeats matters more, but not linearly more. A term that occurs only as a part
    /// of the question's compounds (<c>Wohngeldantrag</c> → <c>wohn</c>, <c>geld</c>, <c>antrag</c>) weighs
    /// <paramref name="compoundPartWeight"/>: the parts stand for the one word, which would otherwise count four times.
    /// </summary>
    public static LexicalQuery FromText(ITextAnalyzer analyzer, string text, double compoundPartWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return FromTokens(analyzer.AnalyzeTokens(text), compoundPartWeight);
    }

    /// <summary>As <see cref="FromText"/>, from the question's tokens: a question analysed once serves both weightings.</summary>
    public static LexicalQuery FromTokens(IReadOnlyList<AnalyzedToken> tokens, double compoundPartWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var partsOnly = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.CompoundPart)
            {
                partsOnly[token.Term] = partsOnly.GetValueOrDefault(token.Term) + 1;
            }
            else
            {
                counts[token.Term] = counts.GetValueOrDefault(token.Term) + 1;
            }
        }

        // A term the question also writes as a word of its own counts every occurrence, parts included.
        var terms = counts.Select(kv => new WeightedTerm(kv.Key, 1 + Math.Log(kv.Value + partsOnly.GetValueOrDefault(kv.Key)))).ToList();
        terms.AddRange(partsOnly.Where(kv => !counts.ContainsKey(kv.Key)).Select(kv => new WeightedTerm(kv.Key, compoundPartWeight * (1 + Math.Log(kv.Value)))));
        return new LexicalQuery(terms);
    }

    /// <summary>Terms added to a question (the legal terms for its everyday words, stand-ins for unknown words) with their weight; a term already there keeps the higher weight.</summary>
    public static LexicalQuery WithLegalTerms(LexicalQuery query, ITextAnalyzer analyzer, string legalTerms, double weight)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(legalTerms);
        if (weight <= 0 || legalTerms.Length == 0)
        {
            return query;
        }

        var merged = query.Terms.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal);
        foreach (var term in analyzer.Analyze(legalTerms).Distinct(StringComparer.Ordinal))
        {
            // A term added twice (an everyday word's legal term that also stands in for an unknown word) keeps its higher weight.
            merged[term] = Math.Max(merged.GetValueOrDefault(term), weight);
        }

        return new LexicalQuery(merged.Select(kv => new WeightedTerm(kv.Key, kv.Value)).ToList());
    }

    /// <summary>
    /// Adds the terms that dominate the best first-pass passages. Lay questions rarely use the statute's words
    /// ("Vermieter will Wohnung für Sohn" vs. "Eigenbedarf"); the top passages usually do.
    /// </summary>
    public static LexicalQuery Expand(ITextAnalyzer analyzer, LexicalQuery query, IReadOnlyList<ScoredChunk> feedback, int terms, double weight)
    {
        if (feedback.Count == 0 || terms == 0 || weight <= 0)
        {
            return query;
        }

        var maxScore = feedback.Max(f => f.Score);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in feedback)
        {
            var tokens = analyzer.Analyze(hit.Chunk.SearchText);
            if (tokens.Count == 0)
            {
                continue;
            }

            var docWeight = maxScore > 0 ? hit.Score / maxScore : 1.0;
            foreach (var group in tokens.GroupBy(t => t, StringComparer.Ordinal))
            {
                scores[group.Key] = scores.GetValueOrDefault(group.Key) + docWeight * group.Count() / tokens.Count;
            }
        }

        var expansion = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(terms).ToList();
        if (expansion.Count == 0)
        {
            return query;
        }

        var originalTotal = query.Terms.Sum(t => t.Weight);
        var expansionTotal = expansion.Sum(kv => kv.Value);
        var merged = query.Terms.ToDictionary(t => t.Term, t => (1 - weight) * t.Weight, StringComparer.Ordinal);
        foreach (var (term, score) in expansion)
        {
            // Scale expansion mass to the original query's mass so that the weight is a true mixing ratio.
            merged[term] = merged.GetValueOrDefault(term) + weight * originalTotal * score / expansionTotal;
        }

        return new LexicalQuery(merged.Select(kv => new WeightedTerm(kv.Key, kv.Value)).ToList());
    }
}
