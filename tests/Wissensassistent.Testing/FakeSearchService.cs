using System.Collections.Concurrent;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Testing;

/// <summary>Returns the given passages, in the given order, for every query; remembers the requests.</summary>
public sealed class FakeSearchService(IEnumerable<Chunk> chunks) : ISearchService
{
    private readonly IReadOnlyList<Chunk> _chunks = chunks.ToList();

    public FakeSearchService(params Chunk[] chunks)
        : this((IEnumerable<Chunk>)chunks)
    {
    }

    /// <summary>Norms the fake reports as named in the query.</summary>
    public IReadOnlyList<Citation> NamedNorms { get; init; } = [];

    public IReadOnlyList<string> Notices { get; init; } = [];

    public ConcurrentQueue<SearchRequest> Requests { get; } = new();

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new ArgumentException("Die Suchanfrage ist leer.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        Requests.Enqueue(request);
        var hits = _chunks
            .Take(request.Top)
            .Select((chunk, i) => new SearchHit(i + 1, 1.0 / (60 + i + 1), chunk))
            .ToList();
        return Task.FromResult(new SearchResult(request.Query, hits, NamedNorms, request.Mode, TimeSpan.Zero, Notices));
    }
}
