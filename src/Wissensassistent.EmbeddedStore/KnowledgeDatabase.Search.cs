using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Search: ranking against the current snapshot, then loading the hits from SQLite.</summary>
internal sealed partial class KnowledgeDatabase
{
    public async Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (query.IsEmpty || top == 0)
        {
            return [];
        }

        return await SearchAsync((snapshot, scratch) => snapshot.SearchLexical(query, filter, top, _terms, scratch), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Answered from the snapshot's postings alone: a query word's stand-in is checked without loading a passage.</summary>
    public async Task<bool> ContainsTermAsync(string term, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(access);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = CurrentSnapshot();
        var scratch = _scratch.Rent(snapshot.ChunkCount);
        try
        {
            return snapshot.ContainsTerm(term, new SearchFilter { Access = access }, _terms, scratch);
        }
        finally
        {
            _scratch.Return(scratch);
        }
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        SearchDenseAsync(vector, filter, top, exact: false, cancellationToken);

    /// <param name="exact">Score every vector even where the snapshot searches through binary codes (the reference for recall).</param>
    private async Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, bool exact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var query = Normalise(vector.Span);
        if (top == 0 || query is null)
        {
            return [];
        }

        return await SearchAsync(
            (snapshot, scratch) =>
            {
                if (snapshot.Model is null)
                {
                    return [];
                }

                if (query.Length != snapshot.Dimension)
                {
                    throw new ArgumentException(
                        $"Der Suchvektor hat {query.Length} Dimensionen, die gespeicherten Vektoren des Modells {snapshot.Model} haben {snapshot.Dimension}.",
                        nameof(vector));
                }

                return snapshot.SearchDense(query, filter, top, scratch, exact);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchAsync(Func<IndexSnapshot, SearchScratch, IndexHit[]> search, CancellationToken cancellationToken)
    {
        var snapshot = CurrentSnapshot();
        var hits = Rank(search, snapshot);
        if (hits.Length == 0)
        {
            return [];
        }

        var results = LoadHits(snapshot, hits, out var consistent);
        if (consistent)
        {
            return results;
        }

        // A write committed between ranking and loading. Under the write lock SQLite and the in-memory state agree.
        _logger.SearchRepeated();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = CurrentSnapshot();
            return LoadHits(snapshot, Rank(search, snapshot), out _);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private IndexHit[] Rank(Func<IndexSnapshot, SearchScratch, IndexHit[]> search, IndexSnapshot snapshot)
    {
        var scratch = _scratch.Rent(snapshot.ChunkCount);
        try
        {
            return search(snapshot, scratch);
        }
        finally
        {
            _scratch.Return(scratch);
        }
    }

    /// <summary>
    /// The chunks of ranked hits, those read for this snapshot before from memory, the rest in one read; inconsistent when
    /// one vanished or changed its text since the snapshot.
    /// </summary>
    private List<ScoredChunk> LoadHits(IndexSnapshot snapshot, IndexHit[] hits, out bool consistent)
    {
        var loaded = LoadedOf(snapshot);
        var chunks = new Chunk?[hits.Length];
        var missing = new List<int>();
        for (var i = 0; i < hits.Length; i++)
        {
            chunks[i] = loaded.Get(hits[i].Chunk);
            if (chunks[i] is null)
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var ids = new string[missing.Count];
            for (var j = 0; j < ids.Length; j++)
            {
                ids[j] = snapshot.ChunkIds[hits[missing[j]].Chunk];
            }

            var read = ReadByIds(ids);
            for (var j = 0; j < ids.Length; j++)
            {
                var index = hits[missing[j]].Chunk;
                if (read[j] is { } chunk && chunk.ContentHash == snapshot.ContentHashes[index])
                {
                    chunks[missing[j]] = chunk;
                    loaded.Add(index, chunk);
                }
            }
        }

        consistent = true;
        var results = new List<ScoredChunk>(hits.Length);
        for (var i = 0; i < hits.Length; i++)
        {
            // Null where a hit was gone or changed when read; a kept one was checked when it was read.
            if (chunks[i] is { } chunk)
            {
                results.Add(new ScoredChunk(chunk, hits[i].Score));
            }
            else
            {
                consistent = false;
            }
        }

        return results;
    }

    /// <summary>The chunks <paramref name="ids"/> whole, from one state of the file; null where one is gone.</summary>
    private Chunk?[] ReadByIds(string[] ids)
    {
        var reader = _readers.Rent();
        try
        {
            return reader.Read(ids);
        }
        finally
        {
            _readers.Return(reader);
        }
    }
}
