namespace Wissensassistent.Core.Indexing;

/// <summary>
/// Shared, thread-safe progress of ingestion and embedding. The indexer writes snapshots; the UI, health checks and
/// the control API read them and may subscribe to <see cref="Changed"/>.
/// </summary>
public sealed class IndexingStatus
{
    private IndexingSnapshot _current = IndexingSnapshot.Idle;

    public IndexingSnapshot Current => Volatile.Read(ref _current);

    public event Action<IndexingSnapshot>? Changed;

    public void Update(Func<IndexingSnapshot, IndexingSnapshot> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        IndexingSnapshot before, after;
        do
        {
            before = Current;
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref _current, after, before) != before);

        Changed?.Invoke(after);
    }
}
