using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Chat;

public sealed class AnswerWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WarmUp_WaitsUntilTheStoreCanAnswer_ThenAsksItsOwnQuestions_ForPublicPassagesOnly()
    {
        var readiness = await ReadinessAsync(chunks: 0);
        var answers = new ScriptedAnswerService();
        using var warmUp = new AnswerWarmUp(answers, readiness, Options.Create(new WebUiOptions()), NullLogger<AnswerWarmUp>.Instance);

        await warmUp.StartAsync(Ct);
        await Task.Delay(200, Ct);
        Assert.Empty(answers.Requests);

        readiness.Update(_ => new ReadinessSnapshot(true, new StoreStatistics(1, 1, 1, 40, 0, null), null, DateTimeOffset.UtcNow));
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(AnswerWarmUp.Questions, answers.Requests.Select(r => r.Question));
        Assert.All(answers.Requests, r => Assert.Equal(DocumentAccess.Public, (r.Filter ?? SearchFilter.None).Access));
    }

    [Fact]
    public async Task WarmUp_SwitchedOff_AsksNothing()
    {
        var readiness = await ReadinessAsync(chunks: 40);
        var answers = new ScriptedAnswerService();
        using var warmUp = new AnswerWarmUp(answers, readiness, Options.Create(new WebUiOptions { WarmUpOnStart = false }), NullLogger<AnswerWarmUp>.Instance);

        await warmUp.StartAsync(Ct);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Empty(answers.Requests);
    }

    [Fact]
    public async Task WarmUp_WhoseAnswerFails_EndsQuietly()
    {
        var readiness = await ReadinessAsync(chunks: 40);
        var logs = new CapturingLoggerProvider();
        using var warmUp = new AnswerWarmUp(new FailingAnswerService(), readiness, Options.Create(new WebUiOptions()), new LoggerFactory([logs]).CreateLogger<AnswerWarmUp>());

        await warmUp.StartAsync(Ct);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(warmUp.ExecuteTask.IsCompletedSuccessfully);
        Assert.Contains(logs.Entries, e => e.Message.Contains("IOException", StringComparison.Ordinal));
    }

    private static async Task<KnowledgeReadiness> ReadinessAsync(int chunks)
    {
        var readiness = new KnowledgeReadiness(StatisticsOnlyStore.WithChunks(chunks), TimeProvider.System, NullLogger<KnowledgeReadiness>.Instance);
        await readiness.RefreshAsync(Ct);
        return readiness;
    }

    private sealed class FailingAnswerService : IAnswerService
    {
        public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new IOException("Der Speicher ist nicht erreichbar.");
#pragma warning disable CS0162 // An iterator needs a yield.
            yield break;
#pragma warning restore CS0162
        }
    }
}
