using Microsoft.Extensions.Logging;

namespace Wissensassistent.Core.Answering;

/// <summary>Log events of answering (event ids 4000-4099). Question and passage texts are never logged.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Answering a question of {QuestionLength} characters with {HistoryTurns} earlier turns")]
    public static partial void Started(ILogger logger, int questionLength, int historyTurns);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Follow-up resolved ({Method}); query now {QueryLength} characters")]
    public static partial void FollowUpResolved(ILogger logger, string method, int queryLength);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Retrieved {Hits} passages ({SearchMode}), {Relevant} relevant")]
    public static partial void Retrieved(ILogger logger, int hits, string searchMode, int relevant);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "No passage relevant enough; answer refused")]
    public static partial void Refused(ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Chat model unavailable ({ErrorType}); answering extractively")]
    public static partial void ModelUnavailable(ILogger logger, string errorType, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Answer {Mode}: {Markers} markers ({InvalidMarkers} invalid), {Quotations} quotations ({UnverifiedQuotations} unverified), {UnsupportedSentences} unsupported sentences")]
    public static partial void Verified(ILogger logger, AnswerMode mode, int markers, int invalidMarkers, int quotations, int unverifiedQuotations, int unsupportedSentences);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Model answer rejected: {UnsupportedSentences} unsupported sentences and no supported one; answering extractively")]
    public static partial void ModelAnswerRejected(ILogger logger, int unsupportedSentences);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Question refused: {Length} characters exceed the limit of {MaxLength}")]
    public static partial void QuestionTooLong(ILogger logger, int length, int maxLength);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Follow-up rewrite by the chat model failed ({ErrorType}); using the heuristic")]
    public static partial void FollowUpRewriteFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Chat model returned an empty answer; answering extractively")]
    public static partial void ModelAnswerEmpty(ILogger logger);
}
