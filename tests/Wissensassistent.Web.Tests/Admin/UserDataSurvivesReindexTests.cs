using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>What staff leave behind (feedback, accounts) is theirs: no reindex of any kind and no restart takes it.</summary>
public sealed class UserDataSurvivesReindexTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-userdata");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FeedbackAndAccounts_SurviveTwoFullReindexesAndARestart()
    {
        var feedback = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.CitationWrong, DateTimeOffset.UtcNow, AnswerMode.Extractive, ["chunk-1"], "§ 1 Abs. 1 IFG");
        await using (var app = WebAppFactory.OnFolder(_folder.Path))
        {
            await app.Services.GetRequiredService<IFeedbackStore>().SaveAsync(feedback, Ct);
            Assert.True((await app.Accounts.CreateAsync("sachbearbeiterin", "Staff", WebAppFactory.Password, Ct)).Succeeded);
            var control = app.Services.GetRequiredService<IReindexControl>();
            for (var i = 0; i < 2; i++)
            {
                Assert.NotNull(await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct));
                Assert.Equal(ReindexOutcome.Succeeded, (await WaitForIdleAsync(control)).Outcome);
            }
        }

        await using var restarted = WebAppFactory.OnFolder(_folder.Path);
        var kept = await restarted.Services.GetRequiredService<IFeedbackStore>().ListAsync(10, Ct);

        Assert.Equal(feedback.Id, Assert.Single(kept).Id);
        Assert.Contains(await restarted.Accounts.ListAsync(Ct), account => account.UserName == "sachbearbeiterin");
    }

    [Fact]
    public async Task UploadCutShortByACrash_LeavesOnlyAHiddenPartFile_ThatNoRunReads()
    {
        await using var app = WebAppFactory.OnFolder(_folder.Path);
        var uploads = Path.Combine(app.DataPath, "uploads");
        Directory.CreateDirectory(uploads);

        // What CorpusUploads leaves when the process dies mid-copy: the part file under its hidden name.
        await File.WriteAllTextAsync(Path.Combine(uploads, $".{Guid.NewGuid():N}.upload"), "# Satzung\n\n§ 1 Geltu", Ct);
        var control = app.Services.GetRequiredService<IReindexControl>();
        Assert.NotNull(await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Upload, Ct));
        var run = await WaitForIdleAsync(control);

        Assert.Equal(ReindexOutcome.Succeeded, run.Outcome);
        Assert.DoesNotContain(run.FilesIngested, file => file.StartsWith("hochgeladen/", StringComparison.Ordinal));
        Assert.Empty(run.Errors);
    }

    private static async Task<ReindexRun> WaitForIdleAsync(IReindexControl control)
    {
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }

        return (await control.GetHistoryAsync(Ct))[0];
    }
}
