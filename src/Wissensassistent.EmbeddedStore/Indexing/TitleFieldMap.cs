using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Folds the title fields of <see cref="IndexedTerms"/> into the text for BM25F: a title term (prefix + <c>nachbar</c>)
/// becomes an occurrence of its plain term weighted by its field's weight, under one saturation; scaled per chunk by the
/// text's length normalisation against the titles' own (<see cref="Bm25Parameters.TitleB"/>), or under the text's length.
/// </summary>
internal sealed class TitleFieldMap
{
    private readonly int[] _baseTerm;
    private readonly float[] _weight;

    private TitleFieldMap(int[] baseTerm, float[] weight)
    {
        _baseTerm = baseTerm;
        _weight = weight;
    }

    /// <summary>Interns the plain term of every title term, so call it before reading <see cref="TermDictionary.Count"/>.</summary>
    public static TitleFieldMap Build(TermDictionary terms)
    {
        var titleTerms = terms.TitleTerms();
        var pairs = titleTerms.Select(entry => (entry.Value, Base: terms.GetOrAdd(IndexedTerms.PlainTerm(entry.Key)), Weight: (float)IndexedTerms.FieldWeight(entry.Key))).ToList();
        var count = terms.Count;
        var baseTerm = new int[count];
        Array.Fill(baseTerm, -1);
        var weight = new float[count];
        foreach (var (id, plain, fieldWeight) in pairs)
        {
            baseTerm[id] = plain;
            weight[id] = fieldWeight;
        }

        return new TitleFieldMap(baseTerm, weight);
    }

    /// <summary>
    /// Folds into the scratch's buffers, valid until its next use: a snapshot folds every chunk twice (counting, then
    /// filling) rather than keeping a folded copy of all postings while it builds.
    /// </summary>
    /// <remarks><paramref name="titleScale"/> multiplies the title fields' weights (their own length normalisation against the text's).</remarks>
    public FoldedTerms Fold(AnalysedTerms terms, Scratch scratch, float titleScale = 1)
    {
        var ids = terms.TermIds;
        scratch.EnsureCapacity(ids.Length);
        var hasTitle = false;
        for (var i = 0; i < ids.Length; i++)
        {
            hasTitle |= IsTitle(ids[i]);
        }

        if (!hasTitle)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                scratch.Ids[i] = ids[i];
                scratch.Frequencies[i] = terms.Frequencies[i];
            }

            return new FoldedTerms(scratch.Ids, scratch.Frequencies, ids.Length);
        }

        // Each folded term at the position of its first occurrence, its frequencies added in the order they come.
        var generation = scratch.NextGeneration(_baseTerm.Length);
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, frequency) = IsTitle(ids[i]) ? (_baseTerm[ids[i]], titleScale * _weight[ids[i]] * terms.Frequencies[i]) : (ids[i], (float)terms.Frequencies[i]);
            if (frequency <= 0)
            {
                continue;
            }

            if (scratch.Stamps[id] == generation)
            {
                scratch.Frequencies[scratch.Slots[id]] += frequency;
            }
            else
            {
                scratch.Stamps[id] = generation;
                scratch.Slots[id] = count;
                scratch.Ids[count] = id;
                scratch.Frequencies[count++] = frequency;
            }
        }

        return new FoldedTerms(scratch.Ids, scratch.Frequencies, count);
    }

    /// <summary>Buffers of one snapshot build.</summary>
    public sealed class Scratch
    {
        public int[] Ids { get; private set; } = new int[256];

        public float[] Frequencies { get; private set; } = new float[256];

        /// <summary>Per term id: the generation that last placed it, and where.</summary>
        public int[] Stamps { get; private set; } = [];

        public int[] Slots { get; private set; } = [];

        private int _generation;

        public int NextGeneration(int termCount)
        {
            if (Stamps.Length < termCount)
            {
                Stamps = new int[termCount];
                Slots = new int[termCount];
                _generation = 0;
            }

            return ++_generation;
        }

        public void EnsureCapacity(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new int[count * 2];
                Frequencies = new float[count * 2];
            }
        }
    }

    /// <summary>The title terms' occurrences, each counted once per field (the title fields' length).</summary>
    public int TitleLength(AnalysedTerms terms)
    {
        var length = 0;
        for (var i = 0; i < terms.TermIds.Length; i++)
        {
            length += IsTitle(terms.TermIds[i]) ? terms.Frequencies[i] : 0;
        }

        return length;
    }

    private bool IsTitle(int id) => id < _baseTerm.Length && _baseTerm[id] >= 0;
}
