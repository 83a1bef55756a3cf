using System.Numerics.Tensors;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// An immutable view of the index: postings for BM25, the vectors for cosine search and the per-chunk fields the
/// filters need. Searches run against one snapshot from start to end; writes publish a new one, so a reader never
/// sees half of a write.
/// </summary>
internal sealed partial class IndexSnapshot
{
    private readonly string[][] _documentLawKeys;
    private readonly IReadOnlyList<string>[] _documentAccess;
    private readonly bool _anyRestricted;
    private readonly int[] _chunkDocument;
    private readonly byte[] _levels;
    private readonly byte[] _types;
    private readonly bool[] _repealed;
    private readonly bool[] _notRepealed;
    private readonly int[] _validFrom;
    private readonly int[] _validUntil;

    private readonly double _k1;
    private readonly float[] _lengthNorm;
    private readonly int _termCount;
    private readonly int[] _termStart;
    private readonly int[] _postingChunks;
    private readonly float[] _postingFrequencies;
    private readonly double[] _idf;

    private readonly float[] _vectors;
    private readonly int[] _rowStart;
    private readonly int[] _rowChunks;

    private IndexSnapshot(IndexedDocument[] documents, int chunkCount, VectorBuffer vectors, int termCount, TitleFieldMap titles, Bm25Parameters bm25, long version)
    {
        Version = version;
        ChunkCount = chunkCount;
        ChunkIds = new string[chunkCount];
        ContentHashes = new string[chunkCount];
        _documentLawKeys = new string[documents.Length][];
        _documentAccess = new IReadOnlyList<string>[documents.Length];
        _chunkDocument = new int[chunkCount];
        _levels = new byte[chunkCount];
        _types = new byte[chunkCount];
        _repealed = new bool[chunkCount];
        _notRepealed = new bool[chunkCount];
        _validFrom = new int[chunkCount];
        _validUntil = new int[chunkCount];
        _k1 = bm25.K1;
        _lengthNorm = new float[chunkCount];
        _termCount = termCount;
        _termStart = new int[termCount + 1];
        _idf = new double[termCount];

        // First pass: per-chunk fields and document frequencies (counted into _termStart[t + 1]), over the terms with
        // their title fields folded in (BM25F: a title term counts as a weighted occurrence of the term in the text).
        var folded = new FoldedTerms[chunkCount];
        long totalLength = 0;
        var chunk = 0;
        for (var d = 0; d < documents.Length; d++)
        {
            _documentLawKeys[d] = documents[d].LawKeys;
            _documentAccess[d] = documents[d].AccessGroups;
            _anyRestricted |= documents[d].AccessGroups.Count > 0;
            foreach (var indexed in documents[d].Chunks)
            {
                ChunkIds[chunk] = indexed.Id;
                ContentHashes[chunk] = indexed.ContentHash;
                _chunkDocument[chunk] = d;
                _levels[chunk] = indexed.Level;
                _types[chunk] = indexed.Type;
                _repealed[chunk] = indexed.IsRepealed;
                _notRepealed[chunk] = !indexed.IsRepealed;
                _validFrom[chunk] = indexed.ValidFrom;
                _validUntil[chunk] = indexed.ValidUntil;
                var fielded = titles.Fold(indexed.Terms);
                folded[chunk] = fielded;
                foreach (var termId in fielded.TermIds)
                {
                    _termStart[termId + 1]++;
                }

                totalLength += indexed.Terms.Length;
                chunk++;
            }
        }

        var averageLength = chunkCount == 0 ? 0 : (double)totalLength / chunkCount;
        for (var t = 0; t < termCount; t++)
        {
            var documentFrequency = _termStart[t + 1];
            _idf[t] = documentFrequency == 0 ? 0 : Math.Log(1 + (chunkCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
            _termStart[t + 1] += _termStart[t];
        }

        // Second pass: postings in chunk order within each term, so that score updates walk memory forwards;
        // and which chunks share each vector row.
        _postingChunks = new int[_termStart[termCount]];
        _postingFrequencies = new float[_termStart[termCount]];
        var cursor = _termStart.AsSpan(0, termCount).ToArray();
        var chunkRow = new int[chunkCount];
        _rowStart = new int[vectors.RowCount + 1];
        chunk = 0;
        foreach (var document in documents)
        {
            foreach (var indexed in document.Chunks)
            {
                var ids = folded[chunk].TermIds;
                var frequencies = folded[chunk].Frequencies;
                for (var i = 0; i < ids.Length; i++)
                {
                    var position = cursor[ids[i]]++;
                    _postingChunks[position] = chunk;
                    _postingFrequencies[position] = frequencies[i];
                }

                _lengthNorm[chunk] = (float)(averageLength == 0
                    ? bm25.K1 * (1 - bm25.B)
                    : bm25.K1 * (1 - bm25.B + bm25.B * indexed.Terms.Length / averageLength));

                chunkRow[chunk] = vectors.TryGetRow(indexed.ContentHash, out var row) ? row : -1;
                if (chunkRow[chunk] >= 0)
                {
                    _rowStart[row + 1]++;
                }

                chunk++;
            }
        }

        for (var row = 0; row < vectors.RowCount; row++)
        {
            _rowStart[row + 1] += _rowStart[row];
        }

        _rowChunks = new int[_rowStart[vectors.RowCount]];
        var rowCursor = _rowStart.AsSpan(0, vectors.RowCount).ToArray();
        for (var c = 0; c < chunkCount; c++)
        {
            if (chunkRow[c] >= 0)
            {
                _rowChunks[rowCursor[chunkRow[c]]++] = c;
            }
        }

        Model = vectors.Model;
        Dimension = vectors.Dimension;
        VectorRows = vectors.RowCount;
        _vectors = vectors.Data;
        EmbeddedChunks = _rowChunks.Length;
    }

    public static IndexSnapshot Empty { get; } = Build(new IndexState(new VectorBuffer(null, 0)), new TermDictionary(), new Bm25Parameters(1.2, 0.75), 0);

    public long Version { get; }

    public int ChunkCount { get; }

    public string[] ChunkIds { get; }

    public string[] ContentHashes { get; }

    /// <summary>The embedding model whose vectors this snapshot holds, if any.</summary>
    public string? Model { get; }

    public int Dimension { get; }

    /// <summary>Rows of the vector buffer this snapshot covers (distinct content hashes, some possibly unused).</summary>
    public int VectorRows { get; }

    /// <summary>Chunks that have a vector of <see cref="Model"/>.</summary>
    public int EmbeddedChunks { get; }

    public int TermCount => _termCount;

    public int PostingCount => _postingChunks.Length;

    public static IndexSnapshot Build(IndexState state, TermDictionary terms, Bm25Parameters bm25, long version)
    {
        var titles = TitleFieldMap.Build(terms);
        return new IndexSnapshot([.. state.Documents], state.ChunkCount, state.Vectors, terms.Count, titles, bm25, version);
    }

    public IndexHit[] SearchLexical(LexicalQuery query, SearchFilter filter, int top, TermDictionary terms, SearchScratch scratch)
    {
        if (query.IsEmpty || top == 0 || ChunkCount == 0)
        {
            return [];
        }

        var mask = BuildMask(filter, scratch);
        var scores = scratch.Scores;
        var stamps = scratch.Stamps;
        var touched = scratch.Touched;
        var generation = scratch.NextGeneration();
        var touchedCount = 0;
        var saturation = _k1 + 1;

        foreach (var (term, weight) in query.Terms)
        {
            if (weight == 0 || !terms.TryGetId(term, out var id) || id >= _termCount)
            {
                continue;
            }

            var start = _termStart[id];
            var end = _termStart[id + 1];
            var factor = weight * _idf[id] * saturation;
            for (var p = start; p < end; p++)
            {
                var chunk = _postingChunks[p];
                if (mask is not null && !mask[chunk])
                {
                    continue;
                }

                double frequency = _postingFrequencies[p];
                var score = factor * frequency / (frequency + _lengthNorm[chunk]);
                if (stamps[chunk] != generation)
                {
                    stamps[chunk] = generation;
                    scores[chunk] = score;
                    touched[touchedCount++] = chunk;
                }
                else
                {
                    scores[chunk] += score;
                }
            }
        }

        var best = new TopHits(Math.Min(top, touchedCount));
        for (var i = 0; i < touchedCount; i++)
        {
            var chunk = touched[i];
            if (scores[chunk] > 0)
            {
                best.Offer(chunk, scores[chunk]);
            }
        }

        return best.ToSortedArray();
    }

    /// <param name="query">Normalised, of <see cref="Dimension"/> length.</param>
    /// <param name="exact">Score every vector even when binary codes are attached (the reference for recall).</param>
    public IndexHit[] SearchDense(ReadOnlySpan<float> query, SearchFilter filter, int top, SearchScratch scratch, bool exact = false)
    {
        if (top == 0 || VectorRows == 0 || ChunkCount == 0)
        {
            return [];
        }

        var mask = BuildMask(filter, scratch);
        if (!exact && TrySearchQuantised(query, mask, top, out var quantised))
        {
            return quantised;
        }

        var best = new TopHits(Math.Min(top, ChunkCount));
        var vectors = _vectors.AsSpan(0, VectorRows * Dimension);
        for (var row = 0; row < VectorRows; row++)
        {
            var start = _rowStart[row];
            var end = _rowStart[row + 1];
            if (start == end || (mask is not null && !AnyAllowed(mask, start, end)))
            {
                continue;
            }

            double score = TensorPrimitives.Dot(vectors.Slice(row * Dimension, Dimension), query);
            for (var i = start; i < end; i++)
            {
                var chunk = _rowChunks[i];
                if (mask is null || mask[chunk])
                {
                    best.Offer(chunk, score);
                }
            }
        }

        return best.ToSortedArray();
    }

    private bool AnyAllowed(bool[] mask, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (mask[_rowChunks[i]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which chunks the filter admits; null when it admits all. Evaluated once per search, then one lookup per posting.</summary>
    private bool[]? BuildMask(SearchFilter filter, SearchScratch scratch)
    {
        // Who reads is a restriction like the others, checked per posting: a restricted passage never takes a place in a list.
        var checkAccess = _anyRestricted && !_documentAccess.All(filter.Access.Permits);
        if (filter.IsEmpty && !checkAccess)
        {
            return filter.IncludeRepealed ? null : _notRepealed;
        }

        bool[]? documentAllowed = null;
        if (filter.Laws.Count > 0 || checkAccess)
        {
            var wanted = filter.Laws.Select(IndexedDocument.LawKey).ToHashSet(StringComparer.Ordinal);
            documentAllowed = new bool[_documentLawKeys.Length];
            for (var d = 0; d < documentAllowed.Length; d++)
            {
                documentAllowed[d] = (wanted.Count == 0 || _documentLawKeys[d].Any(wanted.Contains)) && filter.Access.Permits(_documentAccess[d]);
            }
        }

        var levelMask = filter.Levels.Aggregate(0L, (mask, level) => mask | (1L << (int)level));
        var typeMask = filter.Types.Aggregate(0L, (mask, type) => mask | (1L << (int)type));
        var checkDay = filter.InForceOn is not null;
        var day = filter.InForceOn?.DayNumber ?? 0;
        var includeRepealed = filter.IncludeRepealed;

        var mask = scratch.Mask;
        for (var c = 0; c < ChunkCount; c++)
        {
            mask[c] = (documentAllowed is null || documentAllowed[_chunkDocument[c]])
                && (levelMask == 0 || ((levelMask >> _levels[c]) & 1) != 0)
                && (typeMask == 0 || ((typeMask >> _types[c]) & 1) != 0)
                && (includeRepealed || !_repealed[c])
                && (!checkDay || (_validFrom[c] <= day && day <= _validUntil[c]));
        }

        return mask;
    }
}
