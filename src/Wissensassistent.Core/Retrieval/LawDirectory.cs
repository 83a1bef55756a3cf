using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// The laws the store holds, as a citation parser. Refreshed at most every few seconds so that a reindex that adds a
/// law is seen without a restart, while a burst of queries costs one lookup.
/// </summary>
public sealed class LawDirectory(IKnowledgeStore store, TimeProvider? clock = null)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (CitationParser Parser, IReadOnlyList<LawInfo> Laws, DateTimeOffset LoadedAt)? _cached;

    public async Task<CitationParser> GetParserAsync(CancellationToken cancellationToken = default) => (await GetAsync(cancellationToken)).Parser;

    public async Task<IReadOnlyList<LawInfo>> GetLawsAsync(CancellationToken cancellationToken = default) => (await GetAsync(cancellationToken)).Laws;

    private async Task<(CitationParser Parser, IReadOnlyList<LawInfo> Laws, DateTimeOffset LoadedAt)> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && _clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && _clock.GetUtcNow() - again.LoadedAt < MaxAge)
            {
                return again;
            }

            var laws = await store.ListLawsAsync(cancellationToken);
            var loaded = (new CitationParser(new LawNameResolver(laws)), laws, _clock.GetUtcNow());
            _cached = loaded;
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
