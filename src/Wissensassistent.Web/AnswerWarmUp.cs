using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Web;

/// <summary>
/// Answers two questions of its own once the live store can answer, so that the first clerk after a start does not wait for
/// what every first answer loads (compiled code, the law directory, the thesaurus): measured 6.9 s for the first question
/// of a fresh start against 0.9 s for the second. Public passages only; nothing is recorded (no history, no question audit).
/// </summary>
public sealed partial class AnswerWarmUp(IAnswerService answers, KnowledgeReadiness readiness, IOptions<WebUiOptions> options, ILogger<AnswerWarmUp> logger)
    : BackgroundService
{
    /// <summary>A short staff question and a long lay one: the two ways search expands a question.</summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "Wer beruft den Gemeinderat ein?",
        "Mein Nachbar hat ohne Genehmigung eine Garage an die Grundstücksgrenze gebaut, die mir das Licht nimmt. Seit dem Bau "
            + "steht bei Regen Wasser in meinem Garten, und die Gemeinde sagt, sie sei nicht zuständig. Was kann ich tun?",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpOnStart)
        {
            return;
        }

        await WhenAnswerableAsync(stoppingToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var question in Questions)
            {
                await foreach (var _ in answers.AskStreamingAsync(new AnswerRequest(question), stoppingToken).ConfigureAwait(false))
                {
                }
            }

            LogWarmedUp(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed warm-up costs the first clerk the wait, nothing else; the store's own health is reported elsewhere.
            LogWarmUpFailed(logger, exception.GetType().Name);
        }
    }

    private async Task WhenAnswerableAsync(CancellationToken cancellationToken)
    {
        var answerable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ReadinessSnapshot snapshot)
        {
            if (snapshot.CanAnswer)
            {
                answerable.TrySetResult();
            }
        }

        readiness.Changed += OnChanged;
        try
        {
            OnChanged(readiness.Current);
            await answerable.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            readiness.Changed -= OnChanged;
        }
    }

    [LoggerMessage(1700, LogLevel.Information, "Answer path warmed up in {ElapsedMs} ms")]
    private static partial void LogWarmedUp(ILogger logger, long elapsedMs);

    [LoggerMessage(1701, LogLevel.Warning, "Warming up the answer path failed ({Error}); the first question will take longer")]
    private static partial void LogWarmUpFailed(ILogger logger, string error);
}
