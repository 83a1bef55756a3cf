namespace Wissensassistent.Web.Components.Sources;

internal static partial class SourceLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Loading the norm around chunk {ChunkId} failed")]
    public static partial void NormFailed(ILogger logger, string chunkId, Exception exception);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Saving citation feedback failed")]
    public static partial void FeedbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Copying to the clipboard failed")]
    public static partial void CopyFailed(ILogger logger, Exception exception);
}
