using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Re-weights the lexical candidates of a short question by how much of the question a passage covers itself. BM25 sums per
/// term under length normalisation, so a one-line Absatz that holds none of the question's words but carries the law's title
/// (folded into every passage of the law, <see cref="IndexedTerms"/>) beats the Absatz that holds most of the question. The
/// score grows by the weight times the share of the question's term weight found in the passage's own text and norm title;
/// each term counts by how rare it is among the candidates (a term every candidate holds tells them apart not at all), and the
/// deployment's place names count for nothing ("Bad Boll" says where, not what).
/// </summary>
public sealed class QuestionCoverage(ITextAnalyzer analyzer, double weight, IEnumerable<string> placeNames)
{
    private const int MaxCachedPassages = 100_000;

    private readonly HashSet<string> _places = analyzer.Analyze(string.Join(' ', placeNames)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms of a chunk the store hands out again (it keeps the chunks it read), found without hashing its id.</summary>
    private readonly ConditionalWeakTable<Chunk, TermSet> _byPassage = [];

    /// <summary>The terms of a passage read anew (a store that keeps no chunks); a changed text has another hash.</summary>
    private readonly ConcurrentDictionary<(string Id, string ContentHash), TermSet> _terms = new();

    public IReadOnlyList<ScoredChunk> Apply(LexicalQuery query, IReadOnlyList<ScoredChunk> hits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(hits);
        if (weight <= 0 || hits.Count == 0 || query.Terms.Count == 0)
        {
            return hits;
        }

        var own = new TermSet[hits.Count];
        for (var i = 0; i < own.Length; i++)
        {
            own[i] = OwnTerms(hits[i].Chunk);
        }

        // Which candidate holds which of the query's distinct terms, asked once: the terms' weights count the holders, the
        // candidates' shares then add up what each holds.
        var terms = Distinct(query.Terms);
        var holds = new bool[terms.Count * own.Length];
        var weights = new double[terms.Count];
        var counts = new bool[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var (term, termWeight, hash) = terms[t];
            var holding = 0;
            for (var i = 0; i < own.Length; i++)
            {
                if (own[i].Contains(term, hash))
                {
                    holds[(t * own.Length) + i] = true;
                    holding++;
                }
            }

            // Each query term's weight times ln(1 + candidates / candidates holding it); terms no candidate holds count nothing.
            if (holding > 0 && !_places.Contains(term))
            {
                weights[t] = termWeight * Math.Log(1 + ((double)own.Length / holding));
                counts[t] = true;
            }
        }

        var total = 0.0;
        for (var t = 0; t < weights.Length; t++)
        {
            if (counts[t])
            {
                total += weights[t];
            }
        }

        if (total <= 0)
        {
            return hits;
        }

        var covered = new ScoredChunk[hits.Count];
        for (var i = 0; i < covered.Length; i++)
        {
            var held = 0.0;
            for (var t = 0; t < terms.Count; t++)
            {
                if (counts[t] && holds[(t * own.Length) + i])
                {
                    held += weights[t];
                }
            }

            var hit = hits[i];
            covered[i] = held == 0 ? hit : hit with { Score = hit.Score * (1 + (weight * held / total)) };
        }

        return ScoreOrder.Descending(covered);
    }

    /// <summary>The query's distinct terms in the order it first names them, a repeated term with its last weight.</summary>
    private static List<(string Term, double Weight, int Hash)> Distinct(IReadOnlyList<WeightedTerm> terms)
    {
        var distinct = new List<(string Term, double Weight, int Hash)>(terms.Count);
        foreach (var term in terms)
        {
            var hash = TermSet.Hash(term.Term);
            var at = 0;
            while (at < distinct.Count && !(distinct[at].Hash == hash && string.Equals(distinct[at].Term, term.Term, StringComparison.Ordinal)))
            {
                at++;
            }

            if (at < distinct.Count)
            {
                distinct[at] = (term.Term, term.Weight, hash);
            }
            else
            {
                distinct.Add((term.Term, term.Weight, hash));
            }
        }

        return distinct;
    }

    /// <summary>The passage's text and its norm's title; not the law's title, which every passage of the law shares.</summary>
    private TermSet OwnTerms(Chunk chunk)
    {
        if (_byPassage.TryGetValue(chunk, out var known))
        {
            return known;
        }

        var key = (chunk.Id, chunk.ContentHash);
        if (!_terms.TryGetValue(key, out var terms))
        {
            terms = TermSet.Of(analyzer.Analyze(IndexedTerms.NormTitle(chunk) + "\n" + chunk.Text));
            if (_terms.Count < MaxCachedPassages)
            {
                _terms.TryAdd(key, terms);
            }
        }

        _byPassage.AddOrUpdate(chunk, terms);
        return terms;
    }
}
