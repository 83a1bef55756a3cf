using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore;

/// <summary>The approximate vector index of this file: kept beside it, attached to each snapshot.</summary>
internal sealed partial class KnowledgeDatabase
{
    /// <summary>The approximate vector index is the SQLite file's path with this suffix.</summary>
    public const string ApproximateIndexSuffix = ".vectors";

    public ApproximateVectors Vectors { get; }

    /// <summary>What the latest snapshot searches: indexed vectors and those it scans exactly beside the index.</summary>
    public ApproximateVectorStatus ApproximateStatus()
    {
        var snapshot = CurrentSnapshot();
        var bound = snapshot.Approximate;
        return new ApproximateVectorStatus(
            bound is not null,
            bound?.CoveredRows ?? 0,
            bound?.UncoveredRows.Length ?? snapshot.UsedVectorRows,
            bound?.Index.BuildTime ?? TimeSpan.Zero);
    }

    /// <summary>Dense search scanning every vector, whatever index is attached: the reference for recall.</summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchDenseExactAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var query = Normalise(vector.Span);
        if (top <= 0 || query is null)
        {
            return [];
        }

        return await SearchAsync(
            (snapshot, scratch) => snapshot.Model is null || query.Length != snapshot.Dimension ? [] : snapshot.SearchDense(query, filter, top, scratch, exact: true),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A build finished in the background: the current snapshot searches through it from now on.</summary>
    private void AttachApproximateIndex()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_stateLock)
        {
            Vectors.Attach(_snapshot, _state.Vectors);
        }
    }
}
