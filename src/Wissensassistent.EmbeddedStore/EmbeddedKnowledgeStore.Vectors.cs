using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore;

/// <summary>How dense search of the live file runs; for the bench and diagnostics.</summary>
public sealed partial class EmbeddedKnowledgeStore
{
    public Task<DenseSearchStatus> GetDenseSearchStatusAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async database =>
            {
                await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
                return database.DenseStatus();
            },
            cancellationToken);

    /// <summary>Dense search scoring every vector, bypassing the binary codes: the reference their recall is measured against.</summary>
    public Task<IReadOnlyList<ScoredChunk>> SearchDenseExactAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.SearchDenseExactAsync(vector, filter, top, cancellationToken), cancellationToken);
}

/// <summary>Dense search of the live file: chunks with a vector of the current model, and whether candidates come from binary codes (above the threshold) or from scoring every vector.</summary>
public sealed record DenseSearchStatus(int EmbeddedChunks, bool BinaryCodes);
