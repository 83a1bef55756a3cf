using Microsoft.Extensions.Options;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.History;

/// <summary>
/// Deletes what has outlived its retention, at start and every few hours: server-side conversations untouched for
/// <see cref="HistoryOptions.RetentionDays"/>, and recorded questions older than <see cref="AuditOptions.QuestionRetentionDays"/>
/// (the only audit entries that are ever deleted).
/// </summary>
public sealed partial class DataRetention(
    ConversationArchive archive,
    IAuditTrail audit,
    IOptions<HistoryOptions> history,
    IOptions<AuditOptions> auditOptions,
    TimeProvider clock,
    ILogger<DataRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>One pass; returns the conversations and question entries deleted.</summary>
    public async Task<(int Conversations, int Questions)> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var conversations = await archive.DeleteUntouchedSinceAsync(now.AddDays(-history.Value.RetentionDays), cancellationToken).ConfigureAwait(false);
        var questions = await audit.DeleteQuestionsBeforeAsync(now.AddDays(-auditOptions.Value.QuestionRetentionDays), cancellationToken).ConfigureAwait(false);
        if (conversations + questions > 0)
        {
            LogDeleted(logger, conversations, questions);
        }

        return (conversations, questions);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await ApplyAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Nothing is lost by deleting later; the next pass tries again.
                    LogFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Retention deleted {Conversations} conversations and {Questions} recorded questions")]
    private static partial void LogDeleted(ILogger logger, int conversations, int questions);

    [LoggerMessage(EventId = 5131, Level = LogLevel.Warning, Message = "Retention pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
