using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Audit;

/// <summary>Runs nobody started in the admin area (schedule, folder watch, the worker's API) and every outcome come from the history.</summary>
public sealed class ReindexAuditTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-reindex-audit");
    private readonly FakeReindexControl _control = new();
    private readonly SqliteAuditTrail _trail;

    public ReindexAuditTests() => _trail = new SqliteAuditTrail(Options.Create(new DataFolder { Directory = _folder.Path }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _trail.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task WorkerRuns_AreRecordedWithTheirTrigger_AndOutcome_OnceAcrossARestart()
    {
        _control.History.Add(FakeReindexControl.Run("zeitplan-1") with { Trigger = ReindexTrigger.Schedule, FilesIngested = ["bund/ifg.md"] });
        _control.History.Add(FakeReindexControl.Run("api-1", ReindexMode.Full, ReindexOutcome.Failed) with { Trigger = ReindexTrigger.Api, Message = "Qdrant ist nicht erreichbar." });
        _control.History.Add(FakeReindexControl.Run("admin-1", outcome: ReindexOutcome.Running));

        using (var audit = NewAudit())
        {
            await audit.RecordNewRunsAsync(Ct);
        }

        using (var restarted = NewAudit())
        {
            await restarted.RecordNewRunsAsync(Ct);
        }

        var started = await _trail.QueryAsync(new AuditQuery(Action: AuditActions.ReindexStarted), Ct);
        Assert.Equal(
            [("(Zeitplan)", "Lauf zeitplan-1 (inkrementell)"), ("(Steuer-API)", "Lauf api-1 (vollständig)")],
            started.OrderBy(e => e.Object, StringComparer.Ordinal).Reverse().Select(e => (e.Actor, e.Object)));
        var finished = await _trail.QueryAsync(new AuditQuery(Action: AuditActions.ReindexFinished), Ct);
        Assert.Equal(2, finished.Count);
        Assert.Contains(finished, e => e.Outcome == "erfolgreich: 1 Dateien neu oder geändert, 0 entfernt, 0 Fehler");
        Assert.Contains(finished, e => e.Outcome == "fehlgeschlagen: Qdrant ist nicht erreichbar.");
        Assert.All(finished, e => Assert.Equal(AuditActors.System, e.Actor));
    }

    private ReindexAudit NewAudit() => new(_control, _trail, TimeProvider.System, NullLogger<ReindexAudit>.Instance);
}
