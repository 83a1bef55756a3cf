using Microsoft.Extensions.Logging;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Log messages of the approximate vector index, event ids 2070-2079.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2070, Level = LogLevel.Information,
        Message = "Approximate vector index over {Vectors} vectors of model {Model} built in {ElapsedMs} ms")]
    public static partial void ApproximateIndexBuilt(this ILogger logger, int vectors, string model, long elapsedMs);

    [LoggerMessage(EventId = 2071, Level = LogLevel.Information, Message = "Approximate vector index {Path} opened: {Vectors} vectors of model {Model}")]
    public static partial void ApproximateIndexOpened(this ILogger logger, string path, int vectors, string model);

    [LoggerMessage(EventId = 2072, Level = LogLevel.Warning, Message = "Approximate vector index {Path} is damaged and is built again")]
    public static partial void ApproximateIndexDamaged(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2073, Level = LogLevel.Warning, Message = "Approximate vector index could not be written to {Path}; it is kept in memory only")]
    public static partial void ApproximateIndexNotSaved(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2074, Level = LogLevel.Error, Message = "Approximate vector index could not be built; dense search scans exactly")]
    public static partial void ApproximateIndexFailed(this ILogger logger, Exception exception);
}
