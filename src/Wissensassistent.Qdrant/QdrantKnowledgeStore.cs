using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client.Grpc;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using F = Wissensassistent.Qdrant.PayloadFields;

namespace Wissensassistent.Qdrant;

/// <summary>
/// <see cref="IKnowledgeStore"/> on Qdrant (gRPC). Chunks are points with a named dense vector <c>dense</c> (cosine)
/// and a named sparse vector <c>sparse</c> (term frequencies from <see cref="ITextAnalyzer"/>, idf by Qdrant's IDF
/// modifier); the full chunk is payload. Documents are vector-less points in <c>&lt;alias&gt;_documents</c>.
/// </summary>
/// <remarks>
/// Qdrant has no multi-point transactions, so "atomic per call" is approximated by ordering: a document's chunks are
/// written (unchanged ids overwritten in place) and stale chunks deleted before its document point with the new hash;
/// a crash in between leaves the old hash, so the next ingestion redoes the document. Deletion first blanks the
/// document's hash for the same reason. Full rebuilds use generations (<see cref="QdrantGenerations"/>) and are atomic.
/// </remarks>
public sealed partial class QdrantKnowledgeStore : IKnowledgeStore, INormHashSource, ICrossReferenceIndex
{
    public const string DenseVectorName = "dense";
    public const string SparseVectorName = "sparse";

    private const int PageSize = 256;
    private const int MinHybridPrefetch = 50;

    private readonly QdrantConnection _connection;
    private readonly QdrantGenerations _generations;
    private readonly ITextAnalyzer _analyzer;
    private readonly ILogger _logger;
    private readonly bool _isLive;

    /// <summary>For a generation being built: the live collection whose vectors are reused by content hash.</summary>
    private readonly string? _vectorSource;
    private string? _recordedModel;

    public QdrantKnowledgeStore(
        QdrantConnection connection,
        QdrantGenerations generations,
        ITextAnalyzer analyzer,
        ILogger<QdrantKnowledgeStore>? logger = null)
        : this(
            connection,
            generations,
            analyzer,
            logger ?? (ILogger)NullLogger.Instance,
            connection?.Options.Collection ?? throw new ArgumentNullException(nameof(connection)),
            connection.Options.DocumentsCollection,
            isLive: true,
            vectorSource: null)
    {
    }

    private QdrantKnowledgeStore(
        QdrantConnection connection,
        QdrantGenerations generations,
        ITextAnalyzer analyzer,
        ILogger logger,
        string chunksCollection,
        string documentsCollection,
        bool isLive,
        string? vectorSource)
    {
        ArgumentNullException.ThrowIfNull(generations);
        ArgumentNullException.ThrowIfNull(analyzer);
        _connection = connection;
        _generations = generations;
        _analyzer = analyzer;
        _logger = logger;
        ChunksCollection = chunksCollection;
        DocumentsCollection = documentsCollection;
        _isLive = isLive;
        _vectorSource = vectorSource;
    }

    /// <summary>The collection (or alias) chunks are read from and written to.</summary>
    public string ChunksCollection { get; }

    /// <summary>The collection (or alias) documents are read from and written to.</summary>
    public string DocumentsCollection { get; }

    /// <summary>
    /// A store that reads and writes one generation directly instead of the live alias: the reindex worker fills a new
    /// generation through it while searches keep using the live one. Create the generation first
    /// (<see cref="QdrantGenerations.CreateGenerationAsync"/>). Vectors of unchanged texts are taken from the live
    /// collection by content hash, so a rebuild embeds only new text.
    /// </summary>
    public QdrantKnowledgeStore ForGeneration(string generation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generation);
        return new QdrantKnowledgeStore(
            _connection,
            _generations,
            _analyzer,
            _logger,
            generation,
            generation + QdrantGenerations.DocumentsSuffix,
            isLive: false,
            vectorSource: _isLive ? ChunksCollection : _vectorSource);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var payload = Include(F.DocumentId, F.ContentHash);
        await foreach (var point in ScrollAsync(DocumentsCollection, QdrantFilters.DocumentPoints(), payload, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var fields = point.Payload;
            hashes[PayloadReader.RequiredString(fields, F.DocumentId)] = PayloadReader.RequiredString(fields, F.ContentHash);
        }

        return hashes;
    }

    public async Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        var sparse = SparseVectorEncoder.FromQuery(query);
        if (top <= 0 || sparse.IsEmpty)
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var points = await _connection.ExecuteAsync(
            "lexical search",
            (client, ct) => client.QueryAsync(
                ChunksCollection,
                query: SparseQuery(sparse),
                usingVector: SparseVectorName,
                filter: QdrantFilters.ForSearch(filter),
                limit: (ulong)top,
                payloadSelector: true,
                cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return ToScoredChunks(points, "lexical");
    }

    public async Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (top <= 0 || vector.IsEmpty)
        {
            return [];
        }

        ValidateDimensions(vector.Length);
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var model = await GetCurrentModelAsync(cancellationToken).ConfigureAwait(false);
        var dense = vector.ToArray();
        var points = await _connection.ExecuteAsync(
            "dense search",
            (client, ct) => client.QueryAsync(
                ChunksCollection,
                query: dense,
                usingVector: DenseVectorName,
                filter: QdrantFilters.With(QdrantFilters.ForSearch(filter), QdrantFilters.HasEmbedding(model)),
                limit: (ulong)top,
                payloadSelector: true,
                cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return ToScoredChunks(points, "dense");
    }

    /// <summary>
    /// Lexical and dense retrieval fused inside Qdrant: two filtered prefetches (sparse and dense) combined by
    /// reciprocal rank fusion (<see cref="Fusion.Rrf"/>). Scores are RRF scores, comparable within one result only.
    /// The core search service currently fuses client-side from <see cref="SearchLexicalAsync"/> and
    /// <see cref="SearchDenseAsync"/>; this is the server-side alternative. Either side may be empty.
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchHybridAsync(
        LexicalQuery query,
        ReadOnlyMemory<float> vector,
        SearchFilter filter,
        int top,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (top <= 0)
        {
            return [];
        }

        var sparse = SparseVectorEncoder.FromQuery(query);
        if (!vector.IsEmpty)
        {
            ValidateDimensions(vector.Length);
        }

        if (sparse.IsEmpty && vector.IsEmpty)
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var searchFilter = QdrantFilters.ForSearch(filter);
        var limit = (ulong)Math.Max(top * 3, MinHybridPrefetch);
        var prefetch = new List<PrefetchQuery>(2);
        if (!sparse.IsEmpty)
        {
            prefetch.Add(new PrefetchQuery { Query = SparseQuery(sparse), Using = SparseVectorName, Filter = searchFilter, Limit = limit });
        }

        if (!vector.IsEmpty)
        {
            var model = await GetCurrentModelAsync(cancellationToken).ConfigureAwait(false);
            prefetch.Add(new PrefetchQuery
            {
                Query = vector.ToArray(),
                Using = DenseVectorName,
                Filter = QdrantFilters.With(searchFilter, QdrantFilters.HasEmbedding(model)),
                Limit = limit,
            });
        }

        var points = await _connection.ExecuteAsync(
            "hybrid search",
            (client, ct) => client.QueryAsync(
                ChunksCollection,
                query: Fusion.Rrf,
                prefetch: prefetch,
                limit: (ulong)top,
                payloadSelector: true,
                cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return ToScoredChunks(points, "hybrid");
    }

    public async Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        if (!Guid.TryParse(chunkId, out var id))
        {
            return null;
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var points = await _connection.ExecuteAsync(
            "get chunk",
            (client, ct) => client.RetrieveAsync(ChunksCollection, id, withPayload: true, withVectors: false, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return points.Count == 0 ? null : ChunkPayload.ToChunk(points[0].Payload);
    }

    public async Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default)
    {
        var chunk = await GetChunkAsync(chunkId, cancellationToken).ConfigureAwait(false);
        if (chunk is null)
        {
            return [];
        }

        radius = Math.Max(radius, 0);
        var filter = QdrantFilters.ForDocument(chunk.DocumentId);
        filter.Must.Add(Conditions.Range(F.Ordinal, new global::Qdrant.Client.Grpc.Range { Gte = (double)chunk.Ordinal - radius, Lte = (double)chunk.Ordinal + radius }));
        var chunks = await ScrollChunksAsync(filter, cancellationToken).ConfigureAwait(false);
        return [.. chunks.OrderBy(c => c.Ordinal)];
    }

    public async Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(law) || string.IsNullOrWhiteSpace(section))
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var chunks = await ScrollChunksAsync(QdrantFilters.ForNorm(law, section), cancellationToken).ConfigureAwait(false);
        return [.. chunks.OrderBy(c => c.DocumentId, StringComparer.Ordinal).ThenBy(c => c.Ordinal)];
    }

    public async Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(law))
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var payload = Include(F.DocumentId, F.Ordinal, F.Law, F.NormKind, F.Section, F.SectionKey, F.NormTitle, F.IsRepealed, F.AccessGroups);
        var rows = new List<(string DocumentId, long Ordinal, Citation Norm, string? Title, bool IsRepealed, IReadOnlyList<string> Access)>();
        await foreach (var point in ScrollAsync(ChunksCollection, QdrantFilters.ForLaw(law), payload, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var fields = point.Payload;
            var norm = new Citation(
                PayloadReader.RequiredString(fields, F.Law),
                PayloadReader.RequiredEnum<NormKind>(fields, F.NormKind),
                PayloadReader.RequiredString(fields, F.Section));
            rows.Add((
                PayloadReader.RequiredString(fields, F.DocumentId),
                PayloadReader.RequiredInteger(fields, F.Ordinal),
                norm,
                PayloadReader.OptionalString(fields, F.NormTitle),
                PayloadReader.Boolean(fields, F.IsRepealed),
                PayloadReader.Strings(fields, F.AccessGroups)));
        }

        // One entry per norm in document order; a norm counts as repealed only if all of its chunks are.
        return
        [
            .. rows
                .OrderBy(r => r.DocumentId, StringComparer.Ordinal)
                .ThenBy(r => r.Ordinal)
                .GroupBy(r => (r.Norm.Kind, Section: ChunkPayload.KeyOf(r.Norm.Section)))
                .Select(g => new NormInfo(g.First().Norm, g.Select(r => r.Title).FirstOrDefault(t => t is not null), g.All(r => r.IsRepealed))
                {
                    AccessGroups = g.Select(r => r.Access).Aggregate(DocumentAccess.Combine),
                }),
        ];
    }

    public async Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var documents = await ReadDocumentsAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. documents
                .OrderBy(d => d.Document.Id, StringComparer.Ordinal)
                .GroupBy(d => ChunkPayload.KeyOf(d.Document.Law))
                .Select(g =>
                {
                    var first = g.First().Document;
                    var aliases = g.SelectMany(d => d.Document.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    var stand = g.Select(d => d.Document.Stand).FirstOrDefault(s => s is not null);
                    return new LawInfo(first.Law, first.Title, aliases, first.Level, first.Type, stand, g.Sum(d => d.ChunkCount))
                    {
                        AccessGroups = g.Select(d => d.Document.AccessGroups).Aggregate(DocumentAccess.Combine),
                    };
                })
                .OrderBy(l => l.Law, StringComparer.OrdinalIgnoreCase),
        ];
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var documents = await ReadDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var model = await GetCurrentModelAsync(cancellationToken).ConfigureAwait(false);
        var chunks = await CountAsync(null, cancellationToken).ConfigureAwait(false);
        var embedded = await CountAsync(new Filter { Must = { QdrantFilters.HasEmbedding(model) } }, cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(
            documents.Count,
            documents.Select(d => ChunkPayload.KeyOf(d.Document.Law)).Distinct(StringComparer.Ordinal).Count(),
            documents.Sum(d => d.NormCount),
            chunks,
            embedded,
            model);
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (limit <= 0)
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var chunks = new List<Chunk>();
        await foreach (var point in ScrollAsync(ChunksCollection, QdrantFilters.WithoutEmbedding(model), true, null, limit, cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(ChunkPayload.ToChunk(point.Payload));
        }

        return chunks;
    }

    private async Task<List<Chunk>> ScrollChunksAsync(Filter filter, CancellationToken cancellationToken)
    {
        var chunks = new List<Chunk>();
        await foreach (var point in ScrollAsync(ChunksCollection, filter, true, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(ChunkPayload.ToChunk(point.Payload));
        }

        return chunks;
    }

    private async Task<List<StoredDocument>> ReadDocumentsAsync(CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        await foreach (var point in ScrollAsync(DocumentsCollection, QdrantFilters.DocumentPoints(), true, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            documents.Add(DocumentPayload.ToDocument(point.Payload));
        }

        return documents;
    }

    private async IAsyncEnumerable<RetrievedPoint> ScrollAsync(
        string collection,
        Filter? filter,
        WithPayloadSelector payload,
        WithVectorsSelector? vectors,
        int max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        var returned = 0;
        do
        {
            var pageSize = (uint)Math.Min(PageSize, max - returned);
            var start = offset;
            var page = await _connection.ExecuteAsync(
                "scroll",
                (client, ct) => client.ScrollAsync(collection, filter, pageSize, start, payload, vectors ?? false, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            foreach (var point in page.Result)
            {
                yield return point;
                returned++;
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null && returned < max);
    }

    private async Task<int> CountAsync(Filter? filter, CancellationToken cancellationToken)
    {
        var count = await _connection.ExecuteAsync(
            "count", (client, ct) => client.CountAsync(ChunksCollection, filter, exact: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return (int)Math.Min(count, int.MaxValue);
    }

    /// <summary>The model whose vectors dense search uses: the last one embeddings were stored with, kept in the documents collection.</summary>
    private async Task<string?> GetCurrentModelAsync(CancellationToken cancellationToken)
    {
        var points = await _connection.ExecuteAsync(
            "read store metadata",
            (client, ct) => client.RetrieveAsync(DocumentsCollection, DocumentPayload.StorePointId, withPayload: true, withVectors: false, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        return points.Count == 0 ? null : PayloadReader.OptionalString(points[0].Payload, F.EmbeddingModel);
    }

    public async Task<IReadOnlyList<Chunk>> GetReferringChunksAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(law) || string.IsNullOrWhiteSpace(section))
        {
            return [];
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var laws = await ListLawsAsync(cancellationToken).ConfigureAwait(false);
        var info = laws.FirstOrDefault(l => string.Equals(l.Law, law, StringComparison.OrdinalIgnoreCase) || l.Aliases.Any(a => string.Equals(a, law, StringComparison.OrdinalIgnoreCase)));
        var names = info is null ? [law] : info.Aliases.Prepend(info.Law).Append(law);
        var keys = names.Select(name => Citation.NormKeyOf(name, section)).Distinct(StringComparer.Ordinal).ToList();
        var chunks = await ScrollChunksAsync(new Filter { Must = { Conditions.Match(F.ReferenceTargets, keys) } }, cancellationToken).ConfigureAwait(false);
        return [.. chunks.OrderBy(c => c.DocumentId, StringComparer.Ordinal).ThenBy(c => c.Ordinal)];
    }

    /// <summary>One scroll over the chunks that have references, payload limited to them.</summary>
    public async Task<IReadOnlyList<CrossReference>> ListReferencesAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var references = new List<CrossReference>();
        var filter = new Filter { MustNot = { Conditions.IsEmpty(F.ReferenceTargets) } };
        await foreach (var point in ScrollAsync(ChunksCollection, filter, Include(F.References), null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            references.AddRange(ChunkPayload.References(point.Payload));
        }

        return references;
    }

    /// <summary>One scroll over all chunks, payload limited to the norm and the content hash.</summary>
    public async Task<IReadOnlyList<NormChunkHash>> ListNormChunkHashesAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var chunks = new List<NormChunkHash>();
        var payload = Include(F.Law, F.NormKind, F.Section, F.ContentHash);
        await foreach (var point in ScrollAsync(ChunksCollection, null, payload, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var fields = point.Payload;
            var norm = new Citation(
                PayloadReader.RequiredString(fields, F.Law),
                PayloadReader.RequiredEnum<NormKind>(fields, F.NormKind),
                PayloadReader.RequiredString(fields, F.Section));
            chunks.Add(new NormChunkHash(norm, PayloadReader.RequiredString(fields, F.ContentHash)));
        }

        return chunks;
    }

    private Task ReadyAsync(CancellationToken cancellationToken) =>
        _isLive ? _generations.EnsureLiveAsync(cancellationToken) : Task.CompletedTask;

    private List<ScoredChunk> ToScoredChunks(IReadOnlyList<ScoredPoint> points, string mode)
    {
        var hits = points.Select(p => new ScoredChunk(ChunkPayload.ToChunk(p.Payload), p.Score)).ToList();
        QdrantLog.SearchCompleted(_logger, mode, hits.Count);
        return hits;
    }

    private void ValidateDimensions(int length)
    {
        var expected = _connection.Options.VectorSize;
        if (length != expected)
        {
            throw new ArgumentException($"Die Einbettung hat {length} Dimensionen, die Qdrant-Sammlung erwartet {expected} (Qdrant:VectorSize).");
        }
    }

    private static Query SparseQuery(SparseTermVector sparse) => (sparse.Values, sparse.Indices);

    private static WithPayloadSelector Include(params string[] fields) =>
        new() { Include = new PayloadIncludeSelector { Fields = { fields } } };
}
