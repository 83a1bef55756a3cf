namespace Wissensassistent.Web.Components.History;

internal static partial class HistoryLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Stored conversation {Key} could not be read and is dropped")]
    public static partial void UnreadableEntry(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Browser storage refused to save the conversation history")]
    public static partial void SaveFailed(ILogger logger, Exception exception);
}
