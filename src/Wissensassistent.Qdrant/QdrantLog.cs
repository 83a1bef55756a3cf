using Microsoft.Extensions.Logging;

namespace Wissensassistent.Qdrant;

/// <summary>Log messages of the Qdrant store, event ids 3000-3099. Never logs query text, passages or the API key.</summary>
internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Qdrant call {Operation} failed with {Status} (attempt {Attempt} of {Attempts}); retrying in {DelayMs} ms")]
    public static partial void RetryingCall(ILogger logger, string operation, string status, int attempt, int attempts, long delayMs);

    /// <summary>Status and detail, no stack trace: an unreachable server is an operational state, not a bug.</summary>
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Qdrant at {Address} unreachable during {Operation} after {Attempts} attempts: {Status} ({Detail})")]
    public static partial void Unreachable(ILogger logger, string address, string operation, int attempts, string status, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Created Qdrant generation {Collection} (dense {VectorSize}, {Distance})")]
    public static partial void GenerationCreated(ILogger logger, string collection, int vectorSize, string distance);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Alias {Alias} now points to {Collection} (before: {Previous})")]
    public static partial void AliasSwitched(ILogger logger, string alias, string collection, string? previous);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Deleted Qdrant collection {Collection}")]
    public static partial void CollectionDeleted(ILogger logger, string collection);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Another process created the live alias {Alias} first; dropping own generation {Collection}")]
    public static partial void AliasRaceLost(ILogger logger, string alias, string collection);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "{Collection} is a plain collection, not an alias: the store works, but a reindex cannot swap generations")]
    public static partial void LegacyCollection(ILogger logger, string collection);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Upserted document {DocumentId}: {Chunks} chunks, {ReusedVectors} vectors reused, {Stale} stale chunks deleted")]
    public static partial void DocumentUpserted(ILogger logger, string documentId, int chunks, int reusedVectors, int stale);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Deleted {Count} documents and their chunks")]
    public static partial void DocumentsDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Stored {Count} embeddings of {Model} on {Points} points")]
    public static partial void EmbeddingsStored(ILogger logger, int count, string model, int points);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Current embedding model of {Collection} is now {Model} (before: {Previous})")]
    public static partial void EmbeddingModelChanged(ILogger logger, string collection, string model, string? previous);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "{Mode} search returned {Hits} hits")]
    public static partial void SearchCompleted(ILogger logger, string mode, int hits);
}
