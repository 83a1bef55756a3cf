using System.Reflection;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>An <see cref="IKnowledgeStore"/> that answers only for its counts (or fails, as a store that is down does).</summary>
public class StatisticsOnlyStore : DispatchProxy
{
    private Func<Task<StoreStatistics>> _statistics = () => throw new InvalidOperationException("Nicht eingerichtet.");

    /// <param name="chunks">Chunks of the store; null for a store that cannot be reached.</param>
    public static IKnowledgeStore WithChunks(int? chunks)
    {
        var store = Create<IKnowledgeStore, StatisticsOnlyStore>();
        ((StatisticsOnlyStore)(object)store)._statistics = chunks is { } count
            ? () => Task.FromResult(new StoreStatistics(1, 1, 1, count, 0, null))
            : () => Task.FromException<StoreStatistics>(new IOException("Der Speicher ist nicht erreichbar."));
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IKnowledgeStore.GetStatisticsAsync) ? _statistics() : throw new NotSupportedException(targetMethod?.Name);
}
