using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<(string Id, string ContentHash), HashSet<string>> _terms = new();

    public IReadOnlyList<ScoredChunk> Apply(LexicalQuery query, IReadOnlyList<ScoredChunk> hits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(hits);
        if (weight <= 0 || hits.Count == 0 || query.Terms.Count == 0)
        {
            return hits;
        }

        var own = hits.Select(hit => OwnTerms(hit.Chunk)).ToList();
        var weights = TermWeights(query, own);
        var total = weights.Values.Sum();
        if (total <= 0)
        {
            return hits;
        }

        return hits
            .Select((hit, i) => hit with { Score = hit.Score * (1 + (weight * weights.Where(kv => own[i].Contains(kv.Key)).Sum(kv => kv.Value) / total)) })
            .OrderByDescending(hit => hit.Score)
            .ToList();
    }

    /// <summary>Each query term's weight times ln(1 + candidates / candidates holding it); terms no candidate holds are left out.</summary>
    private Dictionary<string, double> TermWeights(LexicalQuery query, IReadOnlyList<HashSet<string>> own)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in query.Terms)
        {
            var holding = own.Count(terms => terms.Contains(term.Term));
            if (holding > 0 && !_places.Contains(term.Term))
            {
                weights[term.Term] = term.Weight * Math.Log(1 + ((double)own.Count / holding));
            }
        }

        return weights;
    }

    /// <summary>The passage's text and its norm's title; not the law's title, which every passage of the law shares.</summary>
    private HashSet<string> OwnTerms(Chunk chunk)
    {
        var key = (chunk.Id, chunk.ContentHash);
        if (_terms.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var terms = analyzer.Analyze(IndexedTerms.NormTitle(chunk) + "\n" + chunk.Text).ToHashSet(StringComparer.Ordinal);
        if (_terms.Count < MaxCachedPassages)
        {
            _terms.TryAdd(key, terms);
        }

        return terms;
    }
}
