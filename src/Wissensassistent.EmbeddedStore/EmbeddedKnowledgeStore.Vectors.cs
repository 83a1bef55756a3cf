using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore;

/// <summary>What dense search of the live file goes through; for the bench and diagnostics.</summary>
public sealed partial class EmbeddedKnowledgeStore
{
    /// <summary>Waits until no approximate index is being built for the live file, then tells what searches use.</summary>
    public Task<ApproximateVectorStatus> WaitForApproximateVectorsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async database =>
            {
                await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
                await database.Vectors.WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                return database.ApproximateStatus();
            },
            cancellationToken);

    /// <summary>Dense search over every vector, bypassing the approximate index: the reference its recall is measured against.</summary>
    public Task<IReadOnlyList<ScoredChunk>> SearchDenseExactAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.SearchDenseExactAsync(vector, filter, top, cancellationToken), cancellationToken);
}

/// <summary>Dense search of the live file: whether an approximate index serves it, how many vectors it covers and how many are scanned exactly beside it.</summary>
public sealed record ApproximateVectorStatus(bool Active, int IndexedVectors, int ScannedVectors, TimeSpan BuildTime);
