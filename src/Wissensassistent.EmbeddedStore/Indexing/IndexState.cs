namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The in-memory mirror of what SQLite holds, changed only by the writer after a commit and read by snapshot
/// builds; the store guards it with one lock. Snapshots are built from it, never searched in it.
/// </summary>
internal sealed class IndexState
{
    private readonly SortedDictionary<string, IndexedDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hashReferences = new(StringComparer.Ordinal);

    public IndexState(VectorBuffer vectors) => Vectors = vectors;

    /// <summary>Documents ordered by id: the document order of chunks and the tie-break of equal scores.</summary>
    public IEnumerable<IndexedDocument> Documents => _documents.Values;

    public int DocumentCount => _documents.Count;

    public int ChunkCount { get; private set; }

    public VectorBuffer Vectors { get; set; }

    /// <summary>Distinct content hashes of all chunks.</summary>
    public int HashCount => _hashReferences.Count;

    public bool IsReferenced(string contentHash) => _hashReferences.ContainsKey(contentHash);

    public void Replace(IndexedDocument document)
    {
        Remove(document.Id);
        _documents.Add(document.Id, document);
        ChunkCount += document.Chunks.Length;
        foreach (var chunk in document.Chunks)
        {
            _hashReferences[chunk.ContentHash] = _hashReferences.GetValueOrDefault(chunk.ContentHash) + 1;
        }
    }

    public void Remove(string documentId)
    {
        if (!_documents.Remove(documentId, out var previous))
        {
            return;
        }

        ChunkCount -= previous.Chunks.Length;
        foreach (var chunk in previous.Chunks)
        {
            var references = _hashReferences[chunk.ContentHash] - 1;
            if (references == 0)
            {
                _hashReferences.Remove(chunk.ContentHash);
            }
            else
            {
                _hashReferences[chunk.ContentHash] = references;
            }
        }
    }

    /// <summary>
    /// Drops vectors no chunk uses any more once they make up a third of the buffer; they stay cached in SQLite.
    /// Returns whether it compacted.
    /// </summary>
    public bool CompactVectorsIfWasteful()
    {
        if (Vectors.RowCount < 4096 || Vectors.RowCount * 2 <= _hashReferences.Count * 3)
        {
            return false;
        }

        Vectors = Vectors.Compact(IsReferenced);
        return true;
    }
}
