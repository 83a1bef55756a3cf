using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Audit;

/// <summary>The real app: sign-ins and reindex runs are recorded, and the trail and the history outlive full reindexes and a restart.</summary>
public sealed class AuditSurvivesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-audit");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SignInsRunsAndHistory_SurviveTwoFullReindexesAndARestart()
    {
        var conversation = Guid.NewGuid();
        await using (var app = WebAppFactory.OnFolder(_folder.Path))
        {
            Assert.True((await app.Accounts.CreateAsync("k.meier", AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
            using var client = app.CreateBrowserlikeClient("198.51.100.7");
            using (var failed = await WebAppFactory.PostSignInAsync(client, "k.meier", "falsches-Passwort-123"))
            {
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            }

            using (var signedIn = await WebAppFactory.PostSignInAsync(client, "k.meier", WebAppFactory.Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            var archive = app.Services.GetRequiredService<ConversationArchive>();
            var turn = Guid.NewGuid();
            Assert.True(await archive.BeginTurnAsync("k.meier", conversation, "Akteneinsicht", turn, "Wer darf Akten einsehen?", DateTimeOffset.UtcNow, Ct));
            await archive.CompleteTurnAsync("k.meier", turn, SampleData.Answer("Wer darf Akten einsehen?", "Jede Person."), DateTimeOffset.UtcNow, Ct);

            var control = app.Services.GetRequiredService<IReindexControl>();
            for (var i = 0; i < 2; i++)
            {
                Assert.NotNull(await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct));
                await WaitForIdleAsync(control);
            }

            var trail = app.Services.GetRequiredService<IAuditTrail>();
            await WaitUntilAsync(async () => (await trail.QueryAsync(new AuditQuery(Action: AuditActions.ReindexFinished), Ct)).Count == 2);
        }

        await using var restarted = WebAppFactory.OnFolder(_folder.Path);
        var entries = await restarted.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(), Ct);

        var failure = Assert.Single(entries, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal(("k.meier", "Anmeldung von 198.51.100.7", "fehlgeschlagen"), (failure.Actor, failure.Object, failure.Outcome));
        Assert.Single(entries, e => e.Action == AuditActions.SignIn && e.Actor == "k.meier");
        var finished = entries.Where(e => e.Action == AuditActions.ReindexFinished).ToList();
        Assert.Equal(2, finished.Count);
        Assert.All(finished, e => Assert.StartsWith("erfolgreich: ", e.Outcome, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Action == AuditActions.Question);
        Assert.DoesNotContain("falsches-Passwort-123", SqliteFileText.Read(Path.Combine(restarted.DataPath, "audit.db")), StringComparison.Ordinal);

        var kept = await restarted.Services.GetRequiredService<ConversationArchive>().GetAsync("k.meier", conversation, Ct);
        Assert.Equal("Jede Person.", Assert.Single(kept!.Value.Conversation.Turns).Answer.Text);

        // Recorded once: the restarted app finds the runs in the trail and adds nothing.
        await restarted.Services.GetRequiredService<ReindexAudit>().RecordNewRunsAsync(Ct);
        Assert.Equal(2, (await restarted.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.ReindexFinished), Ct)).Count);
    }

    [Fact]
    public async Task FailedSignInUnderAnUnknownName_KeepsNotTheName()
    {
        await using var app = WebAppFactory.OnFolder(_folder.Path);
        using var client = app.CreateBrowserlikeClient("198.51.100.8");

        using var failed = await WebAppFactory.PostSignInAsync(client, "MeinGeheimesPasswort!", "irgendwas-langes-123");

        var entry = Assert.Single(await app.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.SignInFailed), Ct));
        Assert.Equal(AuditActors.UnknownName, entry.Actor);
        Assert.DoesNotContain("MeinGeheimesPasswort", SqliteFileText.Read(Path.Combine(app.DataPath, "audit.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_IsForAdministratorsOnly()
    {
        await using var app = WebAppFactory.OnFolder(_folder.Path);
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync("=chefin", AuditActions.Upload, "hochgeladen/satzung.md", "erfolgreich", Ct);

        using var anonymous = app.CreateBrowserlikeClient();
        using (var response = await anonymous.GetAsync(AuditEndpoints.ExportPath, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/anmelden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using var staff = await app.SignedInClientAsync(AppRoles.Staff);
        using (var response = await staff.GetAsync(AuditEndpoints.ExportPath, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var admin = await app.SignedInClientAsync(AppRoles.Admin);
        using var csv = await admin.GetAsync(AuditEndpoints.ExportPath + "?aktion=upload", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"'=chefin\";\"Dokument hochgeladen\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in", text, StringComparison.Ordinal);
    }

    private static async Task WaitForIdleAsync(IReindexControl control)
    {
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Die Bedingung ist nicht rechtzeitig eingetreten.");
            await Task.Delay(50, Ct);
        }
    }
}
