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

    private readonly Half[] _vectors;
    private readonly int[] _rowStart;
    private readonly int[] _rowChunks;

    private IndexSnapshot(LexicalIndex lexical, VectorBuffer vectors, long version)
    {
        Version = version;
        Lexical = lexical;
        ChunkCount = lexical.ChunkIds.Length;
        ChunkIds = lexical.ChunkIds;
        ContentHashes = lexical.ContentHashes;
        _documentLawKeys = lexical.DocumentLawKeys;
        _documentAccess = lexical.DocumentAccess;
        _anyRestricted = lexical.DocumentAccess.Any(groups => groups.Count > 0);
        _chunkDocument = lexical.ChunkDocument;
        _levels = lexical.Levels;
        _types = lexical.Types;
        _repealed = lexical.Repealed;
        _notRepealed = [.. lexical.Repealed.Select(repealed => !repealed)];
        _validFrom = lexical.ValidFrom;
        _validUntil = lexical.ValidUntil;
        _k1 = lexical.K1;
        _lengthNorm = lexical.LengthNorm;
        _termCount = lexical.TermStart.Length - 1;
        _termStart = lexical.TermStart;
        _postingChunks = lexical.PostingChunks;
        _postingFrequencies = lexical.PostingFrequencies;
        _idf = lexical.Idf;

        // Which chunks share each vector row.
        var chunkCount = ChunkCount;
        var chunkRow = new int[chunkCount];
        _rowStart = new int[vectors.RowCount + 1];
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            chunkRow[chunk] = vectors.TryGetRow(ContentHashes[chunk], out var row) ? row : -1;
            if (chunkRow[chunk] >= 0)
            {
                _rowStart[row + 1]++;
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

    public int DocumentCount => _documentLawKeys.Length;

    public int PostingCount => _postingChunks.Length;

    /// <summary>The lexical part, as the index file saves it.</summary>
    public LexicalIndex Lexical { get; }

    public static IndexSnapshot Build(IndexState state, TermDictionary terms, Bm25Parameters bm25, long version)
    {
        var titles = TitleFieldMap.Build(terms);
        return new IndexSnapshot(LexicalIndex.Build([.. state.Documents], state.ChunkCount, terms.Count, titles, bm25), state.Vectors, version);
    }

    /// <summary>A snapshot of a lexical index read back from the index file, over the vectors loaded from SQLite.</summary>
    public static IndexSnapshot Of(LexicalIndex lexical, VectorBuffer vectors, long version) => new(lexical, vectors, version);

    public IndexHit[] SearchLexical(LexicalQuery query, SearchFilter filter, int top, TermDictionary terms, SearchScratch scratch)
    {
        if (query.IsEmpty || top == 0 || ChunkCount == 0)
        {
            return [];
        }

        var mask = BuildMask(filter, scratch);
        if (TrySearchLexicalPruned(query, mask, top, terms, scratch, out var pruned))
        {
            return pruned;
        }

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

    /// <summary>Whether <see cref="SearchLexical"/> for the term alone would find a hit: a posting of it the filter admits.</summary>
    public bool ContainsTerm(string term, SearchFilter filter, TermDictionary terms, SearchScratch scratch)
    {
        if (ChunkCount == 0 || !terms.TryGetId(term, out var id) || id >= _termCount)
        {
            return false;
        }

        var mask = BuildMask(filter, scratch);
        var end = _termStart[id + 1];
        for (var p = _termStart[id]; p < end; p++)
        {
            // Every posting scores above zero (idf and folded frequencies are positive), as SearchLexical requires.
            if (mask is null || mask[_postingChunks[p]])
            {
                return true;
            }
        }

        return false;
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
        for (var row = 0; row < VectorRows; row++)
        {
            var start = _rowStart[row];
            var end = _rowStart[row + 1];
            if (start == end || (mask is not null && !AnyAllowed(mask, start, end)))
            {
                continue;
            }

            double score = RowDot(row, query);
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

    /// <summary>The cosine of a stored row (half precision) with the normalised query.</summary>
    private float RowDot(int row, ReadOnlySpan<float> query) => VectorBuffer.Dot(_vectors.AsSpan(row * Dimension, Dimension), query);

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
