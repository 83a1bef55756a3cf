namespace Wissensassistent.Core.Storage;

/// <summary>
/// Optional for stores: the norm and content hash of every chunk in one pass. <see cref="Indexing.NormInventory"/> uses it
/// instead of one query per norm, which matters on a corpus with thousands of norms.
/// </summary>
public interface INormHashSource
{
    Task<IReadOnlyList<NormChunkHash>> ListNormChunkHashesAsync(CancellationToken cancellationToken = default);
}
