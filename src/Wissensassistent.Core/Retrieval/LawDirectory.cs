using System.Collections.Concurrent;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// The laws the store holds, as a citation parser. Refreshed at most every few seconds so that a reindex that adds a
/// law is seen without a restart, while a burst of queries costs one lookup. Each reader gets the laws it may see and a
/// parser that knows only those, so that a restricted law's name is neither recognised nor suggested for anyone else.
/// </summary>
/// <remarks>
/// Only the first call waits for the laws. Later, a call that finds them older than <see cref="MaxAge"/> gets them as they
/// were while one refresh reads them again beside it: listing the laws of a large store and building a parser took a
/// question far beyond its own time. Laws that came back unchanged keep their parsers.
/// </remarks>
public sealed class LawDirectory(IKnowledgeStore store, TimeProvider? clock = null)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Cached? _cached;

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
        if (_cached is { } known)
        {
            if (_clock.GetUtcNow() - known.LoadedAt >= MaxAge && _refresh.Wait(0))
            {
                // One refresh at a time, beside the callers; they keep the laws they have until it is done.
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            }

            return known.All;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } loaded)
            {
                return loaded.All;
            }

            var readAt = _clock.GetUtcNow();
            var first = new Loaded(await store.ListLawsAsync(cancellationToken), new ConcurrentDictionary<string, Readable>(StringComparer.Ordinal));
            _cached = new Cached(first, readAt);
            return first;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Holds <see cref="_refresh"/> and releases it; a failure leaves the laws as they were, for the next call to try again.</summary>
    private async Task RefreshAsync()
    {
        try
        {
            // The laws are as old as the moment the read began: a write during a long read makes them old at once.
            var readAt = _clock.GetUtcNow();
            var laws = await store.ListLawsAsync(CancellationToken.None);
            var previous = _cached!.All;
            _cached = new Cached(SameLaws(previous.Laws, laws) ? previous : new Loaded(laws, new ConcurrentDictionary<string, Readable>(StringComparer.Ordinal)), readAt);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The store is busy, closed or unavailable: the laws held so far stay until a later call refreshes them.
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static bool SameLaws(IReadOnlyList<LawInfo> known, IReadOnlyList<LawInfo> read) =>
        known.Count == read.Count && known.Zip(read).All(pair => pair.First with { Aliases = [], AccessGroups = [] } == pair.Second with { Aliases = [], AccessGroups = [] }
            && pair.First.Aliases.SequenceEqual(pair.Second.Aliases, StringComparer.Ordinal)
            && pair.First.AccessGroups.SequenceEqual(pair.Second.AccessGroups, StringComparer.Ordinal));

    private sealed record Cached(Loaded All, DateTimeOffset LoadedAt);

    private sealed record Loaded(IReadOnlyList<LawInfo> Laws, ConcurrentDictionary<string, Readable> ByReader);

    private sealed record Readable(CitationParser Parser, IReadOnlyList<LawInfo> Laws);
}
