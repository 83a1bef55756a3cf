using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Binary codes for dense search above <see cref="EmbeddedStoreOptions.ApproximateVectorsFrom"/>, kept in step with the vectors.</summary>
internal sealed partial class KnowledgeDatabase
{
    /// <summary>Under <see cref="_stateLock"/>; null below the threshold.</summary>
    private BinaryVectorCodes? _codes;

    private int ApproximateVectorsFrom { get; }

    /// <summary>What dense search of the latest snapshot goes through.</summary>
    public DenseSearchStatus DenseStatus()
    {
        var snapshot = CurrentSnapshot();
        return new DenseSearchStatus(snapshot.EmbeddedChunks, snapshot.HasBinaryCodes);
    }

    /// <summary>Dense search scoring every vector, whatever the snapshot has: the reference for recall.</summary>
    public Task<IReadOnlyList<ScoredChunk>> SearchDenseExactAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        SearchDenseAsync(vector, filter, top, exact: true, cancellationToken);

    /// <summary>
    /// Under <see cref="_stateLock"/>, for each snapshot before it is published: encodes the rows added since the last
    /// snapshot (all of them after a reload or compaction) and lets the snapshot search through the codes.
    /// </summary>
    private void AttachBinaryCodes(IndexSnapshot snapshot, VectorBuffer vectors)
    {
        if (snapshot.Model is null || snapshot.EmbeddedChunks < ApproximateVectorsFrom)
        {
            _codes = null;
            return;
        }

        if (_codes is null || !ReferenceEquals(_codes.Buffer, vectors))
        {
            _codes = new BinaryVectorCodes(vectors);
        }

        _codes.Update();
        snapshot.UseBinaryCodes(_codes);
    }
}
