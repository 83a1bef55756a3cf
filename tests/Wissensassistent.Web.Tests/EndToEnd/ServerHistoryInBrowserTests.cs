using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// Signed in, in a real browser: a reload during an answer keeps the question and shows the answer when it is done,
/// and the admin area shows the audit trail.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ServerHistoryInBrowserTests : IClassFixture<FakeServicesApp>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";
    private const string Password = "ein-langes-Passwort-42";

    // Generous: CI runs the other test assemblies beside this one on two cores.
    private const float Timeout = 90_000;

    private readonly FakeServicesApp _app;
    private readonly ChromiumFixture _chromium;
    private IBrowserContext? _context;

    public ServerHistoryInBrowserTests(FakeServicesApp app, ChromiumFixture chromium)
    {
        _app = app;
        _chromium = chromium;
        _app.StartServer();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReloadDuringAnAnswer_KeepsTheQuestion_AndShowsTheAnswerWhenDone()
    {
        var page = await SignInAsync("k.verlauf", AppRoles.Staff);
        var gate = new TaskCompletionSource();
        _app.Answers.Answer(
            ScriptedAnswerService.Step.Of(new TextUpdate("Im Außenbereich sind Vorhaben ")),
            ScriptedAnswerService.Step.WaitFor(gate),
            ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen [1].", SampleData.Cited()))));
        var box = page.Locator("textarea#wa-question");
        await page.WaitForLiveQuestionBoxAsync(Timeout);
        await box.FillAsync(Question);
        await box.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".wa-streaming")).ToHaveTextAsync("Im Außenbereich sind Vorhaben", new() { Timeout = Timeout });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?c=[0-9a-f]{32}$"), new() { Timeout = Timeout });

        await page.ReloadAsync();
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = Timeout });

        var turn = page.Locator(".wa-turn");
        await Assertions.Expect(turn.Locator(".wa-question-text")).ToHaveTextAsync(Question, new() { Timeout = Timeout });
        await Assertions.Expect(turn).ToHaveAttributeAsync("data-state", "Streaming");
        gate.SetResult();
        await Assertions.Expect(turn.Locator(".wa-answer-text")).ToContainTextAsync("öffentliche Belange nicht entgegenstehen", new() { Timeout = Timeout });
        await Assertions.Expect(turn).ToHaveAttributeAsync("data-state", "Completed");

        // And it is in the user's history on the server, searchable.
        await page.GotoAsync("/verlauf");
        await Assertions.Expect(page.Locator(".wa-history-place")).ToContainTextAsync("auf dem Server", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-history-title")).ToHaveTextAsync(Question, new() { Timeout = Timeout });
    }

    [Fact]
    public async Task AdminArea_ShowsTheAuditTrail()
    {
        var audit = _app.Services.GetRequiredService<IAuditTrail>();
        var ct = TestContext.Current.CancellationToken;
        await audit.RecordAsync("k.chefin", AuditActions.AccountCreated, "m.meier (Rolle Sachbearbeitung)", "erfolgreich", ct);
        await audit.RecordAsync("k.chefin", AuditActions.RoleChanged, "m.meier: Rolle Sachbearbeitung → Rechtsprüfung", "erfolgreich", ct);
        await audit.RecordAsync("k.chefin", AuditActions.Upload, "hochgeladen/kommune/dienstanweisung-personalamt.md", "erfolgreich", ct);
        await audit.RecordAsync("k.chefin", AuditActions.ReindexStarted, "Lauf 20261201-121500-a1b2c3 (inkrementell)", "gestartet nach dem Hochladen", ct);
        await audit.RecordAsync(AuditActors.System, AuditActions.ReindexFinished, "Lauf 20261201-121500-a1b2c3 (inkrementell)", "erfolgreich: 1 Dateien neu oder geändert, 0 entfernt, 0 Fehler", ct);
        await audit.RecordAsync(AuditActors.UnknownName, AuditActions.SignInFailed, "Anmeldung von 192.0.2.10", "fehlgeschlagen", ct);

        var page = await SignInAsync("k.chefin", AppRoles.Admin, "/admin");

        var view = page.Locator(".wa-admin-audit");
        await Assertions.Expect(view.Locator(".wa-audit-entry").First).ToContainTextAsync("Anmeldung", new() { Timeout = Timeout });
        await Assertions.Expect(view).ToContainTextAsync("Rolle geändert");
        await Assertions.Expect(view).ToContainTextAsync("hochgeladen/kommune/dienstanweisung-personalamt.md");
        await view.ScrollIntoViewIfNeededAsync();
        var directory = Environment.GetEnvironmentVariable("WA_SCREENSHOTS") ?? RepositoryPaths.Screenshots;
        Directory.CreateDirectory(directory);
        await view.ScreenshotAsync(new() { Path = Path.Combine(directory, "admin-audit.png") });
    }

    [Fact]
    public async Task StaffOpeningTheAuditExport_ReadsKeinZugriff_NotThatThePageIsMissing()
    {
        var page = await SignInAsync("k.sachbearbeitung", AppRoles.Staff);

        var response = await page.GotoAsync("/admin/protokoll.csv");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kein Zugriff", new() { Timeout = Timeout });
    }

    private async Task<IPage> SignInAsync(string userName, string role, string path = "/")
    {
        var created = await _app.Services.GetRequiredService<AccountService>().CreateAsync(userName, role, Password);
        Assert.True(created.Succeeded, created.Error);
        _context ??= await _chromium.NewContextAsync(_app.BaseUrl);
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/anmelden?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.Locator("#wa-user").FillAsync(userName);
        await page.Locator("#wa-password").FillAsync(Password);
        await page.Locator(".wa-login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"), new() { Timeout = Timeout });
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = Timeout });
        return page;
    }
}
