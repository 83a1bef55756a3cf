using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker.Tests;

public sealed class ReindexTests : IAsyncLifetime
{
    private readonly WorkerHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Incremental_SecondRun_TouchesOnlyChangedNewAndDeletedFiles()
    {
        var first = await _host.RunAsync(ReindexMode.Incremental);
        TestCorpus.ChangeIfgParagraph1(_host.CorpusPath);
        File.Delete(Path.Combine(_host.CorpusPath, "bund/ozg.md"));
        TestCorpus.Copy(_host.CorpusPath, TestCorpus.LaterFile);

        var second = await _host.RunAsync(ReindexMode.Incremental);

        Assert.Equal(ReindexOutcome.Succeeded, first.Outcome);
        Assert.Equal(4, first.FilesIngested.Count);
        Assert.Equal(ReindexOutcome.Succeeded, second.Outcome);
        Assert.Equal(["bund/ifg.md", "bund/vig.md"], second.FilesIngested);
        Assert.Equal(["bund/ozg.md"], second.FilesDeleted);
        Assert.Equal(2, second.FilesUnchanged);
        Assert.Equal(4, (await _host.Store.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Full_ReportsNormsAddedChangedAndRemoved_AndGoesLive()
    {
        await _host.RunAsync(ReindexMode.Incremental);
        TestCorpus.ChangeIfgParagraph1(_host.CorpusPath);
        File.Delete(Path.Combine(_host.CorpusPath, "bund/ozg.md"));
        TestCorpus.Copy(_host.CorpusPath, TestCorpus.LaterFile);

        var full = await _host.RunAsync(ReindexMode.Full);

        Assert.Equal(ReindexOutcome.Succeeded, full.Outcome);
        var changes = Assert.IsType<Core.Indexing.NormChanges>(full.NormChanges);
        Assert.Equal(["§ 1 IFG"], changes.Changed);
        Assert.Contains("§ 1 OZG", changes.Removed);
        Assert.Contains("§ 1 VIG", changes.Added);
        Assert.DoesNotContain(changes.Added, norm => norm.EndsWith(" IFG", StringComparison.Ordinal) || norm.EndsWith(" OZG", StringComparison.Ordinal));
        Assert.Equal(4, full.FilesIngested.Count);
        Assert.Equal(["bund/ifg.md", "bund/vig.md", "bund/vwzg_2005.md", "land-bw/BauGBDV-BW.md"], (await _host.Store.GetDocumentHashesAsync(Ct)).Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(await _host.Store.GetNormAsync("VIG", "1", Ct));
        var live = Path.GetFileName(((EmbeddedStore.EmbeddedKnowledgeStore)_host.Store).DatabasePath);
        Assert.Matches(@"^wissen\.\d{17}\.db$", live);
        Assert.Equal([live, "wissen.current"], StoreFiles());
        Assert.Equal(live, File.ReadAllText(Path.Combine(_host.DataPath, "store", "wissen.current")));
    }

    [Fact]
    public async Task Full_CancelledMidRunThroughApi_LeavesPreviousGenerationServing()
    {
        await _host.RunAsync(ReindexMode.Incremental);
        var before = await _host.Store.GetStatisticsAsync(Ct);
        var hashes = await _host.Store.GetDocumentHashesAsync(Ct);
        File.Delete(Path.Combine(_host.CorpusPath, "bund/ozg.md"));
        _host.Gate.IsClosed = true;
        using var client = _host.CreateAuthorizedClient();

        using var started = await client.PostAsync("/api/reindex?mode=full", null, Ct);
        await _host.Gate.Entered.WaitAsync(Ct);
        using var cancelled = await client.PostAsync("/api/reindex/cancel", null, Ct);
        var run = await _host.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(ReindexOutcome.Cancelled, run.Outcome);

        // The true counts of a cancelled run: the files it had found, not "0 · 0".
        Assert.Equal(3, run.FilesSeen);
        Assert.Equal(before, await _host.Store.GetStatisticsAsync(Ct));
        Assert.Equal(hashes, await _host.Store.GetDocumentHashesAsync(Ct));
        Assert.NotEmpty(await _host.Store.GetNormAsync("OZG", "1", Ct));
        Assert.Equal(["wissen.db"], StoreFiles());
    }

    [Fact]
    public async Task Full_WithEmptyCorpus_IsRejected_AndLiveIndexStays()
    {
        await _host.RunAsync(ReindexMode.Incremental);
        var before = await _host.Store.GetStatisticsAsync(Ct);
        foreach (var file in Directory.EnumerateFiles(_host.CorpusPath, "*.md", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        var run = await _host.RunAsync(ReindexMode.Full);

        Assert.Equal(ReindexOutcome.Failed, run.Outcome);
        Assert.Contains("keine unterstützten Dateien", run.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _host.Store.GetStatisticsAsync(Ct));
        Assert.Equal(Core.Indexing.IndexingPhase.Failed, _host.Services.GetRequiredService<Core.Indexing.IndexingStatus>().Current.Phase);
    }

    [Fact]
    public async Task History_SurvivesRestart_AndMarksRunsCutShortAsInterrupted()
    {
        var run = await _host.RunAsync(ReindexMode.Incremental);
        var history = new ReindexHistory(
            Microsoft.Extensions.Options.Options.Create(new Core.Storage.DataFolder { Directory = _host.DataPath }),
            Microsoft.Extensions.Options.Options.Create(new ReindexHistoryOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReindexHistory>.Instance);
        history.Record(run with { Id = "cut-short", Outcome = ReindexOutcome.Running });

        var reopened = new ReindexHistory(
            Microsoft.Extensions.Options.Options.Create(new Core.Storage.DataFolder { Directory = _host.DataPath }),
            Microsoft.Extensions.Options.Options.Create(new ReindexHistoryOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReindexHistory>.Instance);

        Assert.Equal(["cut-short", run.Id], reopened.Runs.Select(r => r.Id));
        Assert.Equal(ReindexOutcome.Interrupted, reopened.Runs[0].Outcome);
        Assert.Equal(run.FilesIngested, reopened.Runs[1].FilesIngested);
    }

    /// <summary>Database and pointer files in the data folder (without SQLite's -wal and -shm companions and the index files beside them).</summary>
    private List<string> StoreFiles() =>
        [
            .. Directory.EnumerateFiles(Path.Combine(_host.DataPath, "store"))
                .Select(path => Path.GetFileName(path))
                .Where(name => name.StartsWith("wissen", StringComparison.Ordinal) && !name.EndsWith("-wal", StringComparison.Ordinal) && !name.EndsWith("-shm", StringComparison.Ordinal) && !name.EndsWith(".index", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];
}
