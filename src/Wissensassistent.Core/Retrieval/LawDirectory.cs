using System.Collections.Concurrent;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// The laws the store holds, as a citation parser. Refreshed at most every few seconds so that a reindex that adds a
/// law is seen without a restart, while a burst of queries costs one lookup. Each reader gets the laws it may see and a
/// parser that knows only those, so that a restricted law's name is neither recognised nor suggested for anyone else.
/// </summary>
public sealed class LawDirectory(IKnowledgeStore store, TimeProvider? clock = null)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (Loaded All, DateTimeOffset LoadedAt)? _cached;

    public async Task<CitationParser> GetParserAsync(DocumentAccess access, CancellationToken cancellationToken = default) =>
        (await GetAsync(access, cancellationToken)).Parser;

    /// <summary>The laws this reader may see.</summary>
    public async Task<IReadOnlyList<LawInfo>> GetLawsAsync(DocumentAccess access, CancellationToken cancellationToken = default) =>
        (await GetAsync(access, cancellationToken)).Laws;

    private async Task<Readable> GetAsync(DocumentAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var all = await GetAllAsync(cancellationToken);
        return all.ByReader.GetOrAdd(access.Key, _ =>
        {
            var laws = all.Laws.Where(law => access.Permits(law.AccessGroups)).ToList();
            return new Readable(new CitationParser(new LawNameResolver(laws)), laws);
        });
    }

    private async Task<Loaded> GetAllAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && _clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
        {
            return fresh.All;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && _clock.GetUtcNow() - again.LoadedAt < MaxAge)
            {
                return again.All;
            }

            var loaded = new Loaded(await store.ListLawsAsync(cancellationToken), new ConcurrentDictionary<string, Readable>(StringComparer.Ordinal));
            _cached = (loaded, _clock.GetUtcNow());
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Loaded(IReadOnlyList<LawInfo> Laws, ConcurrentDictionary<string, Readable> ByReader);

    private sealed record Readable(CitationParser Parser, IReadOnlyList<LawInfo> Laws);
}
