using Qdrant.Client.Grpc;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using F = Wissensassistent.Qdrant.PayloadFields;

namespace Wissensassistent.Qdrant;

/// <summary>The writing side of the store: documents with their chunks, deletions, embeddings and the model record.</summary>
public sealed partial class QdrantKnowledgeStore
{
    public async Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var item in batch)
        {
            Validate(item);
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in batch)
        {
            await UpsertDocumentAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0)
        {
            return;
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var group in documentIds.Distinct(StringComparer.Ordinal).Chunk(PageSize))
        {
            var ids = group.ToList();
            var documentFilter = QdrantFilters.ForDocuments(ids);

            // Blank the hashes first: if the chunk deletion is interrupted, ingestion sees a changed document and retries.
            await _connection.ExecuteAsync(
                "mark documents deleted",
                (client, ct) => client.SetPayloadAsync(
                    DocumentsCollection, new Dictionary<string, Value> { [F.ContentHash] = string.Empty }, documentFilter, wait: true, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            await _connection.ExecuteAsync(
                "delete chunks", (client, ct) => client.DeleteAsync(ChunksCollection, documentFilter, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            await _connection.ExecuteAsync(
                "delete documents", (client, ct) => client.DeleteAsync(DocumentsCollection, documentFilter, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }

        QdrantLog.DocumentsDeleted(_logger, documentIds.Count);
    }

    /// <summary>
    /// Writes each vector onto every chunk that currently has the embedding's content hash (so identical passages share
    /// one embedding and a chunk whose text changed meanwhile is not touched), flags them with the model and records the
    /// model as the generation's current one: dense search then only considers vectors of that model.
    /// </summary>
    public async Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            return;
        }

        foreach (var embedding in embeddings)
        {
            ValidateDimensions(embedding.Vector.Length);
        }

        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        await RecordModelAsync(model, cancellationToken).ConfigureAwait(false);

        var vectorsByHash = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var embedding in embeddings)
        {
            vectorsByHash[embedding.ContentHash] = embedding.Vector.ToArray();
        }

        var updated = 0;
        var payload = Include(F.ContentHash);
        foreach (var hashes in vectorsByHash.Keys.Chunk(PageSize))
        {
            var targets = new List<PointVectors>();
            var filter = new Filter { Must = { Conditions.Match(F.ContentHash, hashes) } };
            await foreach (var point in ScrollAsync(ChunksCollection, filter, payload, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                var vector = vectorsByHash[PayloadReader.RequiredString(point.Payload, F.ContentHash)];
                targets.Add(new PointVectors { Id = point.Id, Vectors = new Dictionary<string, Vector> { [DenseVectorName] = vector } });
            }

            foreach (var part in targets.Chunk(_connection.Options.UpsertBatchSize))
            {
                var operations = new List<PointsUpdateOperation>
                {
                    new() { UpdateVectors = new PointsUpdateOperation.Types.UpdateVectors { Points = { part } } },
                    new()
                    {
                        SetPayload = new PointsUpdateOperation.Types.SetPayload
                        {
                            Payload = { [F.HasDense] = true, [F.EmbeddingModel] = model },
                            PointsSelector = new PointsSelector { Points = new PointsIdsList { Ids = { part.Select(p => p.Id) } } },
                        },
                    },
                };
                await _connection.ExecuteAsync(
                    "store embeddings", (client, ct) => client.UpdateBatchAsync(ChunksCollection, operations, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
                updated += part.Length;
            }
        }

        QdrantLog.EmbeddingsStored(_logger, embeddings.Count, model, updated);
    }

    private async Task UpsertDocumentAsync(DocumentBatch item, CancellationToken cancellationToken)
    {
        var document = item.Document;
        var vectorSize = _connection.Options.VectorSize;

        // Vectors to keep: by content hash, from this document's current points and from identical passages elsewhere.
        var oldIds = new HashSet<Guid>();
        var reusable = new Dictionary<string, (float[] Vector, string Model)>(StringComparer.Ordinal);
        var vectorPayload = Include(F.ContentHash, F.EmbeddingModel);
        WithVectorsSelector denseOnly = new[] { DenseVectorName };
        await foreach (var point in ScrollAsync(ChunksCollection, QdrantFilters.ForDocument(document.Id), vectorPayload, denseOnly, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            oldIds.Add(Guid.Parse(point.Id.Uuid));
            CollectVector(point, reusable, vectorSize);
        }

        foreach (var source in _vectorSource is null ? [ChunksCollection] : new[] { ChunksCollection, _vectorSource })
        {
            var missing = item.Chunks.Select(c => c.ContentHash).Where(h => !reusable.ContainsKey(h)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var hashes in missing.Chunk(PageSize))
            {
                var filter = new Filter { Must = { Conditions.Match(F.ContentHash, hashes), Conditions.Match(F.HasDense, true) } };
                await foreach (var point in ScrollAsync(source, filter, vectorPayload, denseOnly, int.MaxValue, cancellationToken).ConfigureAwait(false))
                {
                    CollectVector(point, reusable, vectorSize);
                }
            }
        }

        var points = new List<PointStruct>(item.Chunks.Count);
        var reused = 0;
        foreach (var chunk in item.Chunks)
        {
            var vectors = new Dictionary<string, Vector>();
            var sparse = SparseVectorEncoder.FromTerms(IndexedTerms.Of(_analyzer, chunk));
            if (!sparse.IsEmpty)
            {
                vectors[SparseVectorName] = (sparse.Values, sparse.Indices);
            }

            string? model = null;
            if (reusable.TryGetValue(chunk.ContentHash, out var kept))
            {
                vectors[DenseVectorName] = kept.Vector;
                model = kept.Model;
                reused++;
            }

            var point = new PointStruct { Id = Guid.Parse(chunk.Id), Vectors = vectors };
            point.Payload.Add(ChunkPayload.Create(chunk, document.Aliases, model, document.AccessGroups));
            points.Add(point);
        }

        foreach (var part in points.Chunk(_connection.Options.UpsertBatchSize))
        {
            await _connection.ExecuteAsync(
                "upsert chunks", (client, ct) => client.UpsertAsync(ChunksCollection, part, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }

        var newIds = points.Select(p => Guid.Parse(p.Id.Uuid)).ToHashSet();
        var stale = oldIds.Where(id => !newIds.Contains(id)).ToList();
        foreach (var part in stale.Chunk(_connection.Options.UpsertBatchSize))
        {
            await _connection.ExecuteAsync(
                "delete stale chunks", (client, ct) => client.DeleteAsync(ChunksCollection, part, wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }

        // Last: the document point with the new hash marks the document as complete.
        var normCount = item.Chunks.Select(c => (c.Citation.Kind, ChunkPayload.KeyOf(c.Citation.Section))).Distinct().Count();
        var documentPoint = new PointStruct { Id = DocumentPayload.PointIdOf(document.Id), Vectors = new Dictionary<string, Vector>() };
        documentPoint.Payload.Add(DocumentPayload.Create(document, item.Chunks.Count, normCount));
        await _connection.ExecuteAsync(
            "upsert document", (client, ct) => client.UpsertAsync(DocumentsCollection, [documentPoint], wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);

        QdrantLog.DocumentUpserted(_logger, document.Id, points.Count, reused, stale.Count);
    }

    private static void CollectVector(RetrievedPoint point, Dictionary<string, (float[] Vector, string Model)> reusable, int vectorSize)
    {
        var hash = PayloadReader.OptionalString(point.Payload, F.ContentHash);
        var model = PayloadReader.OptionalString(point.Payload, F.EmbeddingModel);
        if (hash is null || model is null || reusable.ContainsKey(hash))
        {
            return;
        }

        if (point.Vectors?.Vectors?.Vectors is { } named
            && named.TryGetValue(DenseVectorName, out var output)
            && output.GetDenseVector() is { } dense
            && dense.Data.Count == vectorSize)
        {
            reusable[hash] = (dense.Data.ToArray(), model);
        }
    }

    /// <summary>Records the embedding model of vectors this store takes over from another generation.</summary>
    internal Task AdoptEmbeddingModelAsync(string model, CancellationToken cancellationToken) => RecordModelAsync(model, cancellationToken);

    private async Task RecordModelAsync(string model, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _recordedModel) == model)
        {
            return;
        }

        var previous = await GetCurrentModelAsync(cancellationToken).ConfigureAwait(false);
        if (previous != model)
        {
            var point = new PointStruct { Id = DocumentPayload.StorePointId, Vectors = new Dictionary<string, Vector>() };
            point.Payload.Add(new Dictionary<string, Value> { [F.Kind] = F.KindStore, [F.EmbeddingModel] = model });
            await _connection.ExecuteAsync(
                "write store metadata", (client, ct) => client.UpsertAsync(DocumentsCollection, [point], wait: true, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            QdrantLog.EmbeddingModelChanged(_logger, ChunksCollection, model, previous);
        }

        Volatile.Write(ref _recordedModel, model);
    }

    private static void Validate(DocumentBatch item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var chunk in item.Chunks)
        {
            if (chunk.DocumentId != item.Document.Id)
            {
                throw new ArgumentException($"Abschnitt {chunk.Id} gehört zu '{chunk.DocumentId}', nicht zu '{item.Document.Id}'.", nameof(item));
            }

            if (!Guid.TryParse(chunk.Id, out _))
            {
                throw new ArgumentException($"Die Abschnitts-Id '{chunk.Id}' ist keine UUID; Qdrant braucht UUIDs als Punkt-Ids (ChunkId.For).", nameof(item));
            }
        }
    }
}
