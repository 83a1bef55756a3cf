using Microsoft.Extensions.Logging;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Log messages of the embedded store, event ids 2000-2099. Never query text or passages.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Embedded store opened at {Path}: {Documents} documents, {Chunks} chunks, {Vectors} vectors of model {Model}, in {ElapsedMs} ms")]
    public static partial void StoreOpened(this ILogger logger, string path, int documents, int chunks, int vectors, string? model, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Embedded store schema at {Path} migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(this ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Embedded store at {Path} could not be opened")]
    public static partial void OpenFailed(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Upserted {Documents} documents with {Chunks} chunks in {ElapsedMs} ms")]
    public static partial void DocumentsUpserted(this ILogger logger, int documents, int chunks, long elapsedMs);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Deleted {Documents} documents")]
    public static partial void DocumentsDeleted(this ILogger logger, int documents);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Stored {Vectors} vectors of model {Model}")]
    public static partial void EmbeddingsStored(this ILogger logger, int vectors, string model);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information,
        Message = "Current embedding model changed from {Previous} to {Model}; {Vectors} cached vectors of it cover the stored chunks")]
    public static partial void EmbeddingModelChanged(this ILogger logger, string? previous, string model, int vectors);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Write to the embedded store rolled back")]
    public static partial void WriteRolledBack(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Debug,
        Message = "Index snapshot built: {Chunks} chunks, {Terms} terms, {Postings} postings, {Vectors} vectors, in {ElapsedMs} ms")]
    public static partial void SnapshotBuilt(this ILogger logger, int chunks, int terms, int postings, int vectors, long elapsedMs);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Vector buffer compacted to {Vectors} vectors")]
    public static partial void VectorsCompacted(this ILogger logger, int vectors);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information,
        Message = "Embedded store at {Path} changed elsewhere; {Documents} documents read again (-1: all), {Chunks} chunks, in {ElapsedMs} ms")]
    public static partial void ReloadedAfterExternalWrite(this ILogger logger, string path, int documents, int chunks, long elapsedMs);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information,
        Message = "Index file {Path} of change {Saved} loaded; {Documents} documents changed up to change {Current} read again, in {ElapsedMs} ms")]
    public static partial void IndexFileLoaded(this ILogger logger, string path, long saved, long current, int documents, long elapsedMs);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "Index file {Path} not used ({Reason}); the index is read from the store file")]
    public static partial void IndexFileNotUsed(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Debug, Message = "Index file {Path} saved at change {Changes} in {ElapsedMs} ms")]
    public static partial void IndexFileSaved(this ILogger logger, string path, long changes, long elapsedMs);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Warning, Message = "Index file {Path} could not be saved; the next open reads the store file")]
    public static partial void IndexFileNotSaved(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "Embedded store generation {Path} created")]
    public static partial void GenerationCreated(this ILogger logger, string path);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Embedded store switched from {Previous} to {Current}")]
    public static partial void GenerationSwitched(this ILogger logger, string previous, string current);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "Embedded store generation {Path} discarded")]
    public static partial void GenerationDiscarded(this ILogger logger, string path);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Warning, Message = "Retired store file {Path} could not be deleted; it is removed with the next generation")]
    public static partial void RetiredFileKept(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Debug, Message = "Search results changed during loading; ranked again under the write lock")]
    public static partial void SearchRepeated(this ILogger logger);
}
