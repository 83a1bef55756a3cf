using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client.Grpc;
using F = Wissensassistent.Qdrant.PayloadFields;

namespace Wissensassistent.Qdrant;

/// <summary>
/// Index generations behind the live alias. A generation is a pair of collections, <c>&lt;name&gt;</c> (chunks) and
/// <c>&lt;name&gt;_documents</c>; the aliases <c>&lt;Collection&gt;</c> and <c>&lt;Collection&gt;_documents</c>
/// point to the live pair. A full reindex creates a generation, fills it through
/// <see cref="QdrantKnowledgeStore.ForGeneration"/>, swaps both aliases in one atomic request
/// (<see cref="SwitchAliasAsync"/>) and deletes the previous generation.
/// </summary>
public sealed class QdrantGenerations
{
    public const string DocumentsSuffix = "_documents";

    /// <summary>Payload indexes of the chunk collection: every field a filter or lookup uses.</summary>
    internal static readonly (string Field, PayloadSchemaType Type)[] ChunkIndexes =
    [
        (F.LawKey, PayloadSchemaType.Keyword),
        (F.LawAliases, PayloadSchemaType.Keyword),
        (F.Level, PayloadSchemaType.Keyword),
        (F.Type, PayloadSchemaType.Keyword),
        (F.DocumentId, PayloadSchemaType.Keyword),
        (F.SectionKey, PayloadSchemaType.Keyword),
        (F.ContentHash, PayloadSchemaType.Keyword),
        (F.EmbeddingModel, PayloadSchemaType.Keyword),
        (F.AccessGroups, PayloadSchemaType.Keyword),
        (F.IsRepealed, PayloadSchemaType.Bool),
        (F.HasDense, PayloadSchemaType.Bool),
        (F.ValidFromDay, PayloadSchemaType.Integer),
        (F.ValidUntilDay, PayloadSchemaType.Integer),
        (F.Ordinal, PayloadSchemaType.Integer),
        (F.ReferenceTargets, PayloadSchemaType.Keyword),
    ];

    internal static readonly (string Field, PayloadSchemaType Type)[] DocumentIndexes =
    [
        (F.Kind, PayloadSchemaType.Keyword),
        (F.DocumentId, PayloadSchemaType.Keyword),
        (F.LawKey, PayloadSchemaType.Keyword),
    ];

    private readonly QdrantConnection _connection;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _bootstrapGate = new(1, 1);
    private volatile bool _liveReady;

    public QdrantGenerations(QdrantConnection connection, ILogger<QdrantGenerations>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _logger = logger ?? NullLogger<QdrantGenerations>.Instance;
    }

    /// <summary>The live alias (chunks); the documents alias is this plus <see cref="DocumentsSuffix"/>.</summary>
    public string Alias => _connection.Options.Collection;

    /// <summary>A fresh generation name: <c>&lt;Collection&gt;_g20261125_181011_123</c> (UTC).</summary>
    public string NewGenerationName(DateTimeOffset createdAt) =>
        $"{Alias}_g{createdAt.UtcDateTime.ToString("yyyyMMdd_HHmmss_fff", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Creates the chunk and document collections of a generation with vectors and payload indexes. Parts that already
    /// exist are kept, so a creation that failed halfway can be repeated.
    /// </summary>
    public async Task CreateGenerationAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateGenerationName(name);
        var options = _connection.Options;

        if (!await CollectionExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            var dense = new VectorParamsMap
            {
                Map =
                {
                    [QdrantKnowledgeStore.DenseVectorName] = new VectorParams { Size = (ulong)options.VectorSize, Distance = options.Distance },
                },
            };
            var sparse = new SparseVectorConfig
            {
                Map = { [QdrantKnowledgeStore.SparseVectorName] = new SparseVectorParams { Modifier = Modifier.Idf } },
            };
            await _connection.ExecuteAsync(
                "create collection",
                (client, ct) => client.CreateCollectionAsync(
                    name,
                    dense,
                    shardNumber: (uint)options.ShardNumber,
                    replicationFactor: (uint)options.ReplicationFactor,
                    writeConsistencyFactor: (uint)options.WriteConsistency,
                    sparseVectorsConfig: sparse,
                    cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }

        await CreateIndexesAsync(name, ChunkIndexes, cancellationToken).ConfigureAwait(false);

        var documents = name + DocumentsSuffix;
        if (!await CollectionExistsAsync(documents, cancellationToken).ConfigureAwait(false))
        {
            // Documents carry no vectors: a payload-only collection.
            await _connection.ExecuteAsync(
                "create collection",
                (client, ct) => client.CreateCollectionAsync(
                    documents,
                    new VectorParamsMap(),
                    shardNumber: 1,
                    replicationFactor: (uint)options.ReplicationFactor,
                    writeConsistencyFactor: (uint)options.WriteConsistency,
                    cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }

        await CreateIndexesAsync(documents, DocumentIndexes, cancellationToken).ConfigureAwait(false);
        QdrantLog.GenerationCreated(_logger, name, options.VectorSize, options.Distance.ToString());
    }

    /// <summary>The collection the live alias points to, or null while there is none.</summary>
    public async Task<string?> GetLiveCollectionAsync(CancellationToken cancellationToken = default)
    {
        var aliases = await ListAliasesAsync(cancellationToken).ConfigureAwait(false);
        return aliases.GetValueOrDefault(Alias);
    }

    /// <summary>All generations of this store's alias (chunk collection names), oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListGenerationsAsync(CancellationToken cancellationToken = default)
    {
        var collections = await _connection.ExecuteAsync(
            "list collections", (client, ct) => client.ListCollectionsAsync(ct), cancellationToken).ConfigureAwait(false);
        return
        [
            .. collections
                .Where(c => c.StartsWith(Alias + "_g", StringComparison.Ordinal) && !c.EndsWith(DocumentsSuffix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Points the live aliases (chunks and documents) at <paramref name="newCollection"/> in one atomic request; readers
    /// see either the old or the new generation, never a mix. Returns the previously live collection, if any.
    /// </summary>
    public async Task<string?> SwitchAliasAsync(string newCollection, CancellationToken cancellationToken = default)
    {
        ValidateGenerationName(newCollection);
        if (!await CollectionExistsAsync(newCollection, cancellationToken).ConfigureAwait(false)
            || !await CollectionExistsAsync(newCollection + DocumentsSuffix, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Die Qdrant-Generation '{newCollection}' existiert nicht (oder ohne '{newCollection}{DocumentsSuffix}'); der Alias '{Alias}' bleibt unverändert.");
        }

        var aliases = await ListAliasesAsync(cancellationToken).ConfigureAwait(false);
        var previous = aliases.GetValueOrDefault(Alias);
        var operations = new List<AliasOperations>();
        AddRebind(operations, aliases, Alias, newCollection);
        AddRebind(operations, aliases, Alias + DocumentsSuffix, newCollection + DocumentsSuffix);

        await _connection.ExecuteAsync(
            "switch alias", (client, ct) => client.UpdateAliasesAsync(operations, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        _liveReady = true;
        QdrantLog.AliasSwitched(_logger, Alias, newCollection, previous);
        return previous;
    }

    /// <summary>Deletes a generation (its chunk and document collections). The live generation cannot be deleted.</summary>
    public async Task DeleteCollectionAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var aliases = await ListAliasesAsync(cancellationToken).ConfigureAwait(false);
        if (aliases.GetValueOrDefault(Alias) == name || aliases.GetValueOrDefault(Alias + DocumentsSuffix) == name)
        {
            throw new InvalidOperationException($"Die Qdrant-Sammlung '{name}' ist live (Alias '{Alias}') und kann nicht gelöscht werden.");
        }

        foreach (var collection in new[] { name, name + DocumentsSuffix })
        {
            if (await CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
            {
                await _connection.ExecuteAsync(
                    "delete collection", (client, ct) => client.DeleteCollectionAsync(collection, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
                QdrantLog.CollectionDeleted(_logger, collection);
            }
        }
    }

    /// <summary>
    /// Makes sure the live aliases exist, creating a first generation on a fresh server. Runs once per process; when two
    /// processes bootstrap at the same time, the alias that stays wins and the loser drops its own generation.
    /// </summary>
    internal async Task EnsureLiveAsync(CancellationToken cancellationToken)
    {
        if (_liveReady)
        {
            return;
        }

        await _bootstrapGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_liveReady)
            {
                return;
            }

            var aliases = await ListAliasesAsync(cancellationToken).ConfigureAwait(false);
            if (aliases.TryGetValue(Alias, out var live))
            {
                await EnsureDocumentsAliasAsync(aliases, live, cancellationToken).ConfigureAwait(false);
                await EnsureVectorSizeAsync(live, cancellationToken).ConfigureAwait(false);
            }
            else if (await CollectionExistsAsync(Alias, cancellationToken).ConfigureAwait(false))
            {
                // A plain collection under the live name (created by hand or by an older version): usable, not swappable.
                QdrantLog.LegacyCollection(_logger, Alias);
                if (!await CollectionExistsAsync(Alias + DocumentsSuffix, cancellationToken).ConfigureAwait(false)
                    && !aliases.ContainsKey(Alias + DocumentsSuffix))
                {
                    throw new InvalidOperationException($"Die Qdrant-Sammlung '{Alias}' existiert ohne '{Alias}{DocumentsSuffix}'. Bitte einen vollständigen Neuaufbau des Index starten.");
                }
            }
            else
            {
                await BootstrapFirstGenerationAsync(cancellationToken).ConfigureAwait(false);
            }

            _liveReady = true;
        }
        finally
        {
            _bootstrapGate.Release();
        }
    }

    private async Task BootstrapFirstGenerationAsync(CancellationToken cancellationToken)
    {
        var name = NewGenerationName(DateTimeOffset.UtcNow);
        await CreateGenerationAsync(name, cancellationToken).ConfigureAwait(false);
        var operations = new List<AliasOperations>
        {
            new() { CreateAlias = new CreateAlias { AliasName = Alias, CollectionName = name } },
            new() { CreateAlias = new CreateAlias { AliasName = Alias + DocumentsSuffix, CollectionName = name + DocumentsSuffix } },
        };
        try
        {
            await _connection.ExecuteAsync(
                "create alias", (client, ct) => client.UpdateAliasesAsync(operations, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (!QdrantConnection.IsTransient(ex))
        {
            // Most likely another process created the alias in the meantime; the check below decides.
        }

        var live = await GetLiveCollectionAsync(cancellationToken).ConfigureAwait(false);
        if (live != name)
        {
            QdrantLog.AliasRaceLost(_logger, Alias, name);
            await DeleteCollectionAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureDocumentsAliasAsync(IReadOnlyDictionary<string, string> aliases, string live, CancellationToken cancellationToken)
    {
        var documentsAlias = Alias + DocumentsSuffix;
        var expected = live + DocumentsSuffix;
        if (aliases.GetValueOrDefault(documentsAlias) == expected)
        {
            return;
        }

        // Repair a half-applied setup: the generation's documents collection must exist and carry the alias.
        await CreateGenerationAsync(live, cancellationToken).ConfigureAwait(false);
        var operations = new List<AliasOperations>();
        AddRebind(operations, aliases, documentsAlias, expected);
        await _connection.ExecuteAsync(
            "create alias", (client, ct) => client.UpdateAliasesAsync(operations, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A changed embedding model with another dimension needs a reindex; say so instead of failing on every write.</summary>
    private async Task EnsureVectorSizeAsync(string collection, CancellationToken cancellationToken)
    {
        var info = await _connection.ExecuteAsync(
            "collection info", (client, ct) => client.GetCollectionInfoAsync(collection, ct), cancellationToken).ConfigureAwait(false);
        var vectors = info.Config?.Params?.VectorsConfig?.ParamsMap?.Map;
        if (vectors is not null
            && vectors.TryGetValue(QdrantKnowledgeStore.DenseVectorName, out var dense)
            && dense.Size != (ulong)_connection.Options.VectorSize)
        {
            throw new InvalidOperationException(
                $"Die Qdrant-Sammlung '{collection}' speichert Einbettungen mit {dense.Size} Dimensionen, konfiguriert sind {_connection.Options.VectorSize} (Qdrant:VectorSize). Bitte Qdrant:VectorSize anpassen oder den Index vollständig neu aufbauen.");
        }
    }

    private static void AddRebind(List<AliasOperations> operations, IReadOnlyDictionary<string, string> aliases, string alias, string collection)
    {
        if (aliases.ContainsKey(alias))
        {
            operations.Add(new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = alias } });
        }

        operations.Add(new AliasOperations { CreateAlias = new CreateAlias { AliasName = alias, CollectionName = collection } });
    }

    private async Task<Dictionary<string, string>> ListAliasesAsync(CancellationToken cancellationToken)
    {
        var aliases = await _connection.ExecuteAsync(
            "list aliases", (client, ct) => client.ListAliasesAsync(ct), cancellationToken).ConfigureAwait(false);
        return aliases.ToDictionary(a => a.AliasName, a => a.CollectionName, StringComparer.Ordinal);
    }

    private Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync("collection exists", (client, ct) => client.CollectionExistsAsync(name, ct), cancellationToken);

    private async Task CreateIndexesAsync(string collection, IEnumerable<(string Field, PayloadSchemaType Type)> indexes, CancellationToken cancellationToken)
    {
        foreach (var (field, type) in indexes)
        {
            await _connection.ExecuteAsync(
                "create payload index",
                (client, ct) => client.CreatePayloadIndexAsync(collection, field, type, wait: true, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private void ValidateGenerationName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name == Alias || name == Alias + DocumentsSuffix || name.EndsWith(DocumentsSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' ist als Name einer Qdrant-Generation nicht zulässig (Alias oder Dokumentensammlung).", nameof(name));
        }
    }
}
