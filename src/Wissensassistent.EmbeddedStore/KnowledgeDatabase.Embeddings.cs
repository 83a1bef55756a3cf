using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore;

/// <summary>The embedding cache: vectors stored by content hash and model, copied between generations.</summary>
internal sealed partial class KnowledgeDatabase
{
    public async Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (embeddings.Count == 0)
        {
            return;
        }

        var dimension = embeddings[0].Vector.Length;
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var embedding in embeddings)
        {
            if (embedding.Vector.Length != dimension)
            {
                throw new ArgumentException(
                    $"Alle Vektoren eines Aufrufs brauchen dieselbe Dimension ({dimension}); {embedding.ChunkId} hat {embedding.Vector.Length}.",
                    nameof(embeddings));
            }

            vectors[embedding.ContentHash] = Normalise(embedding.Vector.Span)
                ?? throw new ArgumentException($"Der Vektor für {embedding.ChunkId} ist leer, null oder nicht endlich.", nameof(embeddings));
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? previousModel;
            List<KeyValuePair<string, float[]>> modelVectors = [];
            bool upToDate;
            long written;
            using (var connection = OpenConnection())
            using (var transaction = connection.BeginTransaction())
            {
                var dimensionKey = StoreSchema.DimensionKeyPrefix + model;
                var knownDimension = ReadMeta(connection, transaction, dimensionKey);
                if (knownDimension is null)
                {
                    WriteMeta(connection, transaction, dimensionKey, dimension.ToString(CultureInfo.InvariantCulture));
                }
                else if (int.Parse(knownDimension, CultureInfo.InvariantCulture) != dimension)
                {
                    throw new ArgumentException(
                        $"Das Modell {model} hat bereits Vektoren mit {knownDimension} Dimensionen, nicht {dimension}. Ein anderes Modell braucht einen anderen Namen.",
                        nameof(embeddings));
                }

                using (var insert = StoreCommand.Create(
                    connection,
                    transaction,
                    "INSERT OR REPLACE INTO embeddings (content_hash, model, vector) VALUES ($hash, $model, $vector);",
                    "$hash",
                    "$model",
                    "$vector"))
                {
                    insert.Parameters[1].Value = model;
                    foreach (var (hash, vector) in vectors)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        insert.Parameters[0].Value = hash;
                        insert.Parameters[2].Value = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
                        insert.ExecuteNonQuery();
                    }
                }

                previousModel = ReadMeta(connection, transaction, StoreSchema.CurrentModelKey);
                if (previousModel != model)
                {
                    WriteMeta(connection, transaction, StoreSchema.CurrentModelKey, model);
                    modelVectors = IndexRows.ReadVectorsOfModel(connection, transaction, model);
                }

                upToDate = AdvanceChangeCounter(connection, transaction, [], out written);
                transaction.Commit();
            }

            Committed(upToDate, written, state =>
            {
                if (previousModel != model)
                {
                    state.Vectors = new VectorBuffer(model, dimension, modelVectors.Count + modelVectors.Count / 8);
                    foreach (var (hash, vector) in modelVectors)
                    {
                        state.Vectors.Set(hash, vector);
                    }
                }
                else
                {
                    // Vectors of texts no chunk has stay in SQLite only, until such a chunk arrives.
                    foreach (var (hash, vector) in vectors)
                    {
                        if (state.IsReferenced(hash))
                        {
                            state.Vectors.Set(hash, vector);
                        }
                    }
                }
            });

            if (previousModel != model)
            {
                _logger.EmbeddingModelChanged(previousModel, model, modelVectors.Count);
            }

            _logger.EmbeddingsStored(vectors.Count, model);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Copies the embedding cache (vectors, current model and dimensions) of another store file into this one, so that
    /// a new generation finds the vectors of unchanged texts by content hash instead of computing them again.
    /// </summary>
    public async Task CopyEmbeddingsFromAsync(string sourcePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(sourcePath))
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            using (var attach = StoreCommand.Create(connection, null, "ATTACH DATABASE $path AS source;", "$path"))
            {
                attach.Parameters[0].Value = sourcePath;
                attach.ExecuteNonQuery();
            }

            try
            {
                using (var transaction = connection.BeginTransaction())
                {
                    using (var copy = StoreCommand.Create(
                        connection,
                        transaction,
                        """
                        INSERT OR IGNORE INTO embeddings (content_hash, model, vector) SELECT content_hash, model, vector FROM source.embeddings;
                        INSERT OR REPLACE INTO meta (key, value) SELECT key, value FROM source.meta
                          WHERE key = $model OR substr(key, 1, length($dimension)) = $dimension;
                        """,
                        "$model",
                        "$dimension"))
                    {
                        copy.Parameters[0].Value = StoreSchema.CurrentModelKey;
                        copy.Parameters[1].Value = StoreSchema.DimensionKeyPrefix;
                        copy.ExecuteNonQuery();
                    }

                    AdvanceChangeCounter(connection, transaction, [], out _);
                    transaction.Commit();
                }

                LoadAndSwapState(connection);
            }
            finally
            {
                using var detach = StoreCommand.Create(connection, null, "DETACH DATABASE source;");
                detach.ExecuteNonQuery();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Vectors of the current model for hashes that have none in memory yet.</summary>
    private static List<KeyValuePair<string, float[]>> ReadCachedVectors(SqliteConnection connection, SqliteTransaction transaction, VectorBuffer vectors, IEnumerable<string> hashes)
    {
        var found = new List<KeyValuePair<string, float[]>>();
        if (vectors.Model is null)
        {
            return found;
        }

        using var command = StoreCommand.Create(
            connection,
            transaction,
            "SELECT vector FROM embeddings WHERE content_hash = $hash AND model = $model;",
            "$hash",
            "$model");
        command.Parameters[1].Value = vectors.Model;
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal))
        {
            if (vectors.Contains(hash))
            {
                continue;
            }

            command.Parameters[0].Value = hash;
            if (command.ExecuteScalar() is byte[] blob && blob.Length == vectors.Dimension * sizeof(float))
            {
                found.Add(new(hash, MemoryMarshal.Cast<byte, float>(blob).ToArray()));
            }
        }

        return found;
    }

    private static float[]? Normalise(ReadOnlySpan<float> vector)
    {
        if (vector.Length == 0)
        {
            return null;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm == 0)
        {
            return null;
        }

        var normalised = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, normalised);
        return normalised;
    }
}
