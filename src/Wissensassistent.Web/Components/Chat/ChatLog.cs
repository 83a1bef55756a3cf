namespace Wissensassistent.Web.Components.Chat;

internal static partial class ChatLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Answering a question failed")]
    public static partial void AnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Answer stream cancelled by the user")]
    public static partial void AnswerCancelled(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Saving feedback failed")]
    public static partial void FeedbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Loading laws for the filter failed")]
    public static partial void LawsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Loading the parts of a cited norm failed")]
    public static partial void NormPartsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Conversation {ConversationId} could not be found in the browser")]
    public static partial void ConversationMissing(ILogger logger, Guid conversationId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Saving the conversation history failed")]
    public static partial void HistoryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Browser call failed")]
    public static partial void BrowserCallFailed(ILogger logger, Exception exception);
}
