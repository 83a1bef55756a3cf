using System.Text;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant;

/// <summary>
/// Turns analysed terms into Qdrant sparse vectors. A term's index is the 32-bit FNV-1a hash of its UTF-8 bytes:
/// stable across processes and versions, so index and query agree without a shared vocabulary. Colliding terms
/// share an index (their values add up); with a 2^32 space that is rare and only blurs ranking slightly.
/// Document values are term frequencies (title terms with their field weight, <see cref="IndexedTerms"/>); Qdrant's IDF modifier on the <c>sparse</c> vector supplies the idf.
/// </summary>
public static class SparseVectorEncoder
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The sparse index of one term (FNV-1a, 32 bit, over UTF-8).</summary>
    public static uint TermIndex(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(term.Length);
        Span<byte> buffer = maxBytes <= 256 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(term, buffer);

        var hash = FnvOffsetBasis;
        foreach (var b in buffer[..length])
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }

    /// <summary>The document side: each distinct term with its frequency in <paramref name="terms"/>.</summary>
    public static SparseTermVector FromTerms(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var weights = new Dictionary<uint, float>();
        foreach (var term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }

            // A title field's term is folded into the text's term with its field weight, as the embedded store does (BM25F).
            var index = TermIndex(IndexedTerms.PlainTerm(term));
            weights[index] = weights.GetValueOrDefault(index) + (float)IndexedTerms.FieldWeight(term);
        }

        return ToVector(weights);
    }

    /// <summary>The query side: each term with its weight; terms without positive weight are left out.</summary>
    public static SparseTermVector FromQuery(LexicalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = new Dictionary<uint, float>();
        foreach (var (term, weight) in query.Terms)
        {
            if (term.Length == 0 || !(weight > 0) || double.IsInfinity(weight))
            {
                continue;
            }

            var index = TermIndex(term);
            weights[index] = weights.GetValueOrDefault(index) + (float)weight;
        }

        return ToVector(weights);
    }

    private static SparseTermVector ToVector(Dictionary<uint, float> weights)
    {
        if (weights.Count == 0)
        {
            return SparseTermVector.Empty;
        }

        var indices = weights.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = weights[indices[i]];
        }

        return new SparseTermVector(indices, values);
    }
}
