using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Folds the title fields of <see cref="IndexedTerms"/> into the text for BM25F: a title term (prefix + <c>nachbar</c>)
/// becomes an occurrence of its plain term weighted by its field's weight, under one saturation and the text's length.
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

    public FoldedTerms Fold(AnalysedTerms terms)
    {
        var ids = terms.TermIds;
        var frequencies = new float[ids.Length];
        var hasTitle = false;
        for (var i = 0; i < ids.Length; i++)
        {
            frequencies[i] = terms.Frequencies[i];
            hasTitle |= IsTitle(ids[i]);
        }

        if (!hasTitle)
        {
            return new FoldedTerms(ids, frequencies);
        }

        var merged = new Dictionary<int, float>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, frequency) = IsTitle(ids[i]) ? (_baseTerm[ids[i]], _weight[ids[i]] * terms.Frequencies[i]) : (ids[i], frequencies[i]);
            if (frequency > 0)
            {
                merged[id] = merged.GetValueOrDefault(id) + frequency;
            }
        }

        return new FoldedTerms([.. merged.Keys], [.. merged.Values]);
    }

    private bool IsTitle(int id) => id < _baseTerm.Length && _baseTerm[id] >= 0;
}
