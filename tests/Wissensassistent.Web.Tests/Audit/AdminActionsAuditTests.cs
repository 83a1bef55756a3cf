using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Wissensassistent.Core.Audit;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Components.Admin;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;
using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.Audit;

/// <summary>Each action of the admin area lands in the audit trail with the administrator's name, done or refused.</summary>
public sealed class AdminActionsAuditTests : WebTestContext
{
    private const string Password = "ein-langes-Passwort-42";
    private const string Admin = "test-admin";

    public AdminActionsAuditTests() => SignInAs(AppRoles.Admin, Policies.AdminArea, Policies.FeedbackReview);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private AccountService Accounts => Services.GetRequiredService<AccountService>();

    [Fact]
    public void CreatingAnAccount_IsRecorded_WithoutThePassword()
    {
        RenderPopoverProvider();
        var list = Render<UserAdministration>();

        list.Find(".wa-new-user-name input").Change("m.neu");
        list.Find(".wa-new-user-password input").Change(Password);
        list.Find("button.wa-new-user-create").Click();

        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.AccountCreated)));
        var entry = Audited(AuditActions.AccountCreated)[0];
        Assert.Equal(Admin, entry.Actor);
        Assert.Equal("m.neu (Rolle Sachbearbeitung)", entry.Object);
        Assert.Equal("erfolgreich", entry.Outcome);
        Assert.DoesNotContain(Password, SqliteFileText.Read(Folder.Combine("data", "audit.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_IsRecorded_WithOldAndNewRole()
    {
        await Accounts.CreateAsync("m.meier", AppRoles.Staff, Password, Ct);
        RenderPopoverProvider();
        var list = Render<UserAdministration>();

        var select = list.FindComponents<MudSelect<string>>().First(s => s.Instance.Class == "wa-user-role");
        await list.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(AppRoles.LegalOfficer));

        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.RoleChanged)));
        var entry = Audited(AuditActions.RoleChanged)[0];
        Assert.Equal((Admin, "m.meier: Rolle Sachbearbeitung → Rechtsprüfung", "erfolgreich"), (entry.Actor, entry.Object, entry.Outcome));
    }

    [Fact]
    public async Task PasswordReset_IsRecorded_WithoutTheNewPassword()
    {
        await Accounts.CreateAsync("m.meier", AppRoles.Staff, Password, Ct);
        var list = Render<UserAdministration>();

        Row(list, "m.meier").QuerySelector("button.wa-user-reset")!.Click();

        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.PasswordReset)));
        var shown = list.Find(".wa-user-message").TextContent;
        var password = shown[(shown.IndexOf("): ", StringComparison.Ordinal) + 3)..].Split(' ')[0];
        Assert.Equal("m.meier", Audited(AuditActions.PasswordReset)[0].Object);
        Assert.DoesNotContain(password, SqliteFileText.Read(Folder.Combine("data", "audit.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableEnableAndDelete_AreRecorded_AndARefusalToo()
    {
        await Accounts.CreateAsync("m.meier", AppRoles.Staff, Password, Ct);
        await Accounts.CreateAsync("chefin", AppRoles.Admin, Password, Ct);
        var list = Render<UserAdministration>();

        Row(list, "m.meier").QuerySelector("button.wa-user-disable")!.Click();
        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.AccountDisabled)));
        Row(list, "m.meier").QuerySelector("button.wa-user-enable")!.Click();
        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.AccountEnabled)));
        Row(list, "m.meier").QuerySelector("button.wa-user-delete")!.Click();
        Row(list, "m.meier").QuerySelector("button.wa-user-delete-confirm")!.Click();
        list.WaitForAssertion(() => Assert.Single(Audited(AuditActions.AccountDeleted)));

        // The last active administrator cannot be disabled: the attempt is recorded as refused.
        Row(list, "chefin").QuerySelector("button.wa-user-disable")!.Click();
        list.WaitForAssertion(() => Assert.Equal(2, Audited(AuditActions.AccountDisabled).Count));

        var disabled = Audited(AuditActions.AccountDisabled);
        Assert.StartsWith("abgelehnt: Der letzte aktive Benutzer", disabled[0].Outcome, StringComparison.Ordinal);
        Assert.Equal(("m.meier", "erfolgreich"), (disabled[1].Object, disabled[1].Outcome));
        Assert.Equal(("m.meier", "erfolgreich", Admin), (Audited(AuditActions.AccountDeleted)[0].Object, Audited(AuditActions.AccountDeleted)[0].Outcome, Audited(AuditActions.AccountDeleted)[0].Actor));
    }

    [Fact]
    public void ReindexStartAndCancel_AreRecorded_WithTheRun()
    {
        var page = Render<AdminPage>();

        page.Find("button.wa-reindex-full").Click();
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ReindexStarted)));
        Reindex.Status = Reindex.Status with { Active = FakeReindexControl.Run("lauf-1", ReindexMode.Full, ReindexOutcome.Running) };
        page.Find("button.wa-reindex-cancel").Click();
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ReindexCancelled)));

        var started = Audited(AuditActions.ReindexStarted)[0];
        Assert.Equal(Admin, started.Actor);
        Assert.Contains("(vollständig)", started.Object, StringComparison.Ordinal);
        Assert.Equal("gestartet", started.Outcome);
        var cancelled = Audited(AuditActions.ReindexCancelled)[0];
        Assert.Equal((Admin, "Lauf lauf-1 (vollständig)", "Abbruch angefordert"), (cancelled.Actor, cancelled.Object, cancelled.Outcome));
    }

    [Fact]
    public void UploadAndReplacement_AreRecorded_AndTheRunTheyStart()
    {
        var page = Render<AdminPage>();
        Upload(page, "satzung.md");
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.Upload)));
        Reindex.Status = Reindex.Status with { Active = null };
        page.Find(".wa-upload-replace input").Change(true);
        Upload(page, "satzung.md");
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.UploadReplaced)));

        var upload = Audited(AuditActions.Upload)[0];
        Assert.Equal((Admin, "hochgeladen/satzung.md", "erfolgreich"), (upload.Actor, upload.Object, upload.Outcome));
        Assert.Equal("erfolgreich", Audited(AuditActions.UploadReplaced)[0].Outcome);
        Assert.Contains(Audited(AuditActions.ReindexStarted), e => e.Outcome == "gestartet nach dem Hochladen" && e.Actor == Admin);
    }

    [Fact]
    public void RejectedUpload_IsRecordedAsRefused()
    {
        var page = Render<AdminPage>();
        Upload(page, "werkzeug.exe");

        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.Upload)));
        Assert.StartsWith("abgelehnt: Dateien vom Typ", Audited(AuditActions.Upload)[0].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyIssueAndRevoke_AreRecorded_WithoutTheSecret()
    {
        await Accounts.CreateAsync("fachverfahren", AppRoles.Staff, Password, Ct);
        var page = Render<ApiKeyAdministration>();
        page.Find(".wa-new-api-key-label input").Change("Open WebUI Rathaus");
        page.Find("button.wa-new-api-key-issue").Click();
        var secret = page.WaitForElement(".wa-api-key-secret code").TextContent;
        page.Find("button.wa-api-key-revoke").Click();
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ApiKeyRevoked)));

        var issued = Assert.Single(Audited(AuditActions.ApiKeyIssued));
        Assert.Equal(Admin, issued.Actor);
        Assert.Contains("„Open WebUI Rathaus“", issued.Object, StringComparison.Ordinal);
        Assert.Contains("für fachverfahren", issued.Object, StringComparison.Ordinal);
        Assert.Equal("erfolgreich", Audited(AuditActions.ApiKeyRevoked)[0].Outcome);
        Assert.DoesNotContain(secret, SqliteFileText.Read(Folder.Combine("data", "audit.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedReindexAndApiKeyActions_AreRecordedAsRefused_WithTheUserWhoTried()
    {
        // A staff member whose circuit still shows the admin area (the role was taken away while it was open).
        await Accounts.CreateAsync("fachverfahren", AppRoles.Staff, Password, Ct);
        SignInAs(AppRoles.Staff);
        var page = Render<AdminPage>();
        page.Find("button.wa-reindex-full").Click();
        page.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ReindexStarted)));
        Reindex.Status = Reindex.Status with { Active = FakeReindexControl.Run("lauf-1", ReindexMode.Full, ReindexOutcome.Running) };
        var running = Render<AdminPage>();
        running.Find("button.wa-reindex-cancel").Click();
        running.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ReindexCancelled)));

        var keys = Render<ApiKeyAdministration>();
        keys.Find(".wa-new-api-key-label input").Change("Heimlich");
        keys.Find("button.wa-new-api-key-issue").Click();
        keys.WaitForAssertion(() => Assert.Single(Audited(AuditActions.ApiKeyIssued)));

        var refused = new[] { Audited(AuditActions.ReindexStarted)[0], Audited(AuditActions.ReindexCancelled)[0], Audited(AuditActions.ApiKeyIssued)[0] };
        Assert.All(refused, entry => Assert.Equal(("test-staff", "abgelehnt: Für diese Aktion ist die Rolle Verwaltung nötig."), (entry.Actor, entry.Outcome)));
        Assert.Contains("(vollständig)", refused[0].Object, StringComparison.Ordinal);
        Assert.Contains("„Heimlich“", refused[2].Object, StringComparison.Ordinal);
        Assert.Empty(Reindex.Starts);
        Assert.Equal(0, Reindex.Cancels);
    }

    [Fact]
    public async Task AuditView_ShowsEntries_AndFiltersByActionAndActor()
    {
        await AuditTrail.RecordAsync("chefin", AuditActions.Upload, "hochgeladen/satzung.md", "erfolgreich", Ct);
        await AuditTrail.RecordAsync("m.meier", AuditActions.SignIn, "Anmeldung von 10.0.0.1", "erfolgreich", Ct);
        RenderPopoverProvider();
        var view = Render<AuditTrailView>();
        Assert.Equal(2, view.FindAll(".wa-audit-entry").Count);
        Assert.Contains("Dokument hochgeladen", view.Markup, StringComparison.Ordinal);

        view.Find(".wa-audit-actor input").Change("M.MEIER");
        view.Find("button.wa-audit-apply").Click();

        view.WaitForAssertion(() => Assert.Equal("m.meier", view.Find(".wa-audit-entry-actor").TextContent));
        Assert.Single(view.FindAll(".wa-audit-entry"));
        Assert.EndsWith("?benutzer=M.MEIER", view.Find("a.wa-audit-export").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditView_WithoutTheAdminRole_ShowsNothing()
    {
        await AuditTrail.RecordAsync("chefin", AuditActions.Upload, "hochgeladen/satzung.md", "erfolgreich", Ct);
        SignInAs(AppRoles.Staff);

        var view = Render<AuditTrailView>();

        Assert.Empty(view.FindAll(".wa-audit-entry"));
    }

    private static void Upload(IRenderedComponent<AdminPage> page, string name) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("# Satzung\n\n§ 1 Geltung\n\nText.", name));

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UserAdministration> list, string userName) =>
        list.FindAll(".wa-admin-user-list tbody tr").Single(row => row.QuerySelector(".wa-user-name")!.TextContent == userName);
}
