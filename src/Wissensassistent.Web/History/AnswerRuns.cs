using System.Collections.Concurrent;
using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Audit;

namespace Wissensassistent.Web.History;

/// <summary>
/// Answers of signed-in users run here, outside the page's circuit, and are stored in <see cref="ConversationArchive"/>
/// when done, so that a reload during an answer finds the question and then the answer. A finished run stays
/// reachable a few minutes for a page that reloads just as it ends.
/// </summary>
public sealed partial class AnswerRuns(IAnswerService answers, ConversationArchive archive, QuestionAudit questions, TimeProvider clock, ILogger<AnswerRuns> logger)
{
    public const string FailedMessage = "Die Antwort konnte nicht erstellt werden. Bitte versuchen Sie es später erneut.";
    public const string IncompleteMessage = "Die Antwort ist unvollständig geblieben. Bitte erneut fragen.";

    private static readonly TimeSpan KeepFinished = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, AnswerRun> _runs = new();

    /// <summary>Starts answering; the question must be stored as pending in the archive already.</summary>
    public AnswerRun Start(string owner, Guid conversationId, Guid turnId, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new AnswerRun(owner, conversationId, turnId, request.Question);
        _runs[turnId] = run;
        _ = Task.Run(() => RunAsync(run, request));
        return run;
    }

    /// <summary>The owner's run for a pending question, or null (another user's, or lost with a restart).</summary>
    public AnswerRun? Find(string owner, Guid turnId) =>
        _runs.TryGetValue(turnId, out var run) && string.Equals(run.Owner, owner, StringComparison.OrdinalIgnoreCase) ? run : null;

    private async Task RunAsync(AnswerRun run, AnswerRequest request)
    {
        string? error = null;
        var cancelled = false;
        try
        {
            await foreach (var update in answers.AskStreamingAsync(request, run.Token).WithCancellation(run.Token).ConfigureAwait(false))
            {
                run.Add(update);
            }

            if (run.Answer is { } answer)
            {
                // Stored before the run reports its end: a page that reloads now finds the answer in the archive.
                await archive.CompleteTurnAsync(run.Owner, run.TurnId, answer, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await RecordQuestionAsync(run, answer).ConfigureAwait(false);
            }
            else
            {
                error = IncompleteMessage;
            }
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
            error = FailedMessage;
        }

        if (run.Answer is null || error is not null)
        {
            await DiscardAsync(run).ConfigureAwait(false);
        }

        run.Finish(error, cancelled);
        _ = ForgetLaterAsync(run);
    }

    /// <summary>An audit trail that cannot be written must not take the stored answer from the user.</summary>
    private async Task RecordQuestionAsync(AnswerRun run, Answer answer)
    {
        try
        {
            await questions.RecordAsync(run.Owner, answer.Question, answer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task DiscardAsync(AnswerRun run)
    {
        try
        {
            await archive.DiscardTurnAsync(run.Owner, run.TurnId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task ForgetLaterAsync(AnswerRun run)
    {
        await Task.Delay(KeepFinished, clock).ConfigureAwait(false);
        _runs.TryRemove(new KeyValuePair<Guid, AnswerRun>(run.TurnId, run));
        run.Dispose();
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Warning, Message = "A server-side answer failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
