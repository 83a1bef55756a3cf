using Microsoft.Playwright;
using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// The UI in a real browser against fake services: what bunit cannot see (JS interop, clipboard, browser storage,
/// keyboard handling, the content security policy, script execution).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ChatInBrowserTests : IClassFixture<FakeServicesApp>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";
    // Generous: CI runs the other test assemblies beside this one on two cores.
    private const float Timeout = 90_000;

    private readonly FakeServicesApp _app;
    private readonly ChromiumFixture _chromium;
    private readonly List<string> _consoleErrors = [];
    private IBrowserContext? _context;

    public ChatInBrowserTests(FakeServicesApp app, ChromiumFixture chromium)
    {
        _app = app;
        _chromium = chromium;
        _app.StartServer();
    }

    private static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    private async Task<IPage> OpenAsync(string path, bool interactive = true)
    {
        _context ??= await _chromium.NewContextAsync(_app.BaseUrl);
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        await page.GotoAsync(path);

        // Typing into the prerendered page before the circuit is live would be lost on the first interactive render.
        if (interactive)
        {
            await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = Timeout });
        }

        return page;
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var box = page.Locator("textarea#wa-question");
        await page.WaitForLiveQuestionBoxAsync(Timeout);
        await box.FillAsync(question);
        await box.PressAsync("Enter");
    }

    private static Answer FinalAnswer(string text, params AnswerCitation[] citations) =>
        SampleData.Answer(Question, text, citations.Length == 0 ? [SampleData.Cited()] : citations);

    [Fact]
    public async Task Ask_StreamsText_ThenShowsVerifiedAnswerWithChip_AndPanelShowsHighlightedPassage()
    {
        var gate = new TaskCompletionSource();
        _app.Answers.Answer(
            ScriptedAnswerService.Step.Of(new SourcesUpdate([SampleData.Cited(verified: false)], AnswerMode.Generative)),
            ScriptedAnswerService.Step.Of(new TextUpdate("Im Außenbereich sind Vorhaben ")),
            ScriptedAnswerService.Step.WaitFor(gate),
            ScriptedAnswerService.Step.Of(new FinalUpdate(FinalAnswer("Im Außenbereich ist ein Vorhaben nur zulässig, wenn **öffentliche Belange** nicht entgegenstehen [1]."))));
        var page = await OpenAsync("/");

        await AskAsync(page, Question);

        await Assertions.Expect(page.Locator(".wa-streaming")).ToHaveTextAsync("Im Außenbereich sind Vorhaben", new() { Timeout = Timeout });
        gate.SetResult();
        var chip = page.Locator(".wa-answer-text button.wa-cite");
        await Assertions.Expect(chip).ToHaveTextAsync("§ 35 Abs. 1 BauGB", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-answer-text strong")).ToHaveTextAsync("öffentliche Belange");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "chat.png"), FullPage = true });

        await chip.ClickAsync();

        var passage = page.Locator(".wa-source-panel .wa-passage");
        await Assertions.Expect(passage).ToContainTextAsync("Im Außenbereich ist ein Vorhaben nur zulässig", new() { Timeout = Timeout });
        await Assertions.Expect(passage.Locator("mark")).ToHaveTextAsync("öffentliche Belange nicht entgegenstehen");
        await Assertions.Expect(page.Locator(".wa-source-panel .wa-stand")).ToHaveTextAsync(SampleData.Stand);
        await Assertions.Expect(page.Locator(".wa-source-panel .wa-norm-part")).ToHaveCountAsync(2);
        await page.WaitForSourcePanelSettledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "source-panel.png") });
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task CopyButton_PutsQuotationOnTheClipboard()
    {
        _app.Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(FinalAnswer("Text [1]."))));
        var page = await OpenAsync("/");
        await AskAsync(page, Question);
        await page.Locator(".wa-answer-text button.wa-cite").ClickAsync(new() { Timeout = Timeout });

        await page.Locator("button.wa-copy").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("kopiert", new() { Timeout = Timeout });
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("„(1) Im Außenbereich ist ein Vorhaben nur zulässig", clipboard);
        Assert.Contains("§ 35 Abs. 1 BauGB; Stand: " + SampleData.Stand, clipboard);
    }

    [Fact]
    public async Task ShiftEnter_InsertsNewline_EnterSends()
    {
        _app.Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(FinalAnswer("Antwort [1]."))));
        var page = await OpenAsync("/");
        var box = page.Locator("textarea#wa-question");
        await page.WaitForLiveQuestionBoxAsync(Timeout);
        var asked = _app.Answers.Requests.Count;

        await box.PressSequentiallyAsync("Erste Zeile");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("zweite Zeile");
        Assert.Equal("Erste Zeile\nzweite Zeile", await box.InputValueAsync());
        await box.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".wa-question-text")).ToHaveTextAsync("Erste Zeile\nzweite Zeile", new() { Timeout = Timeout });

        // The question is shown before the answer service is called; once the answer stands, the request was made.
        await Assertions.Expect(page.Locator(".wa-answer-text")).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Equal("Erste Zeile\nzweite Zeile", _app.Answers.Requests[asked].Question);
        await Assertions.Expect(box).ToHaveValueAsync("");
    }

    [Fact]
    public async Task History_SurvivesReload_AndReopensTheConversation()
    {
        const string question = "Was gilt für die Beteiligung der Gemeinde?";
        _app.Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(question, "Einvernehmen nötig [1].", new AnswerCitation(1, SampleData.Paragraph36, true, [])))));
        var page = await OpenAsync("/");
        await AskAsync(page, question);
        await Assertions.Expect(page.Locator(".wa-answer-text")).ToContainTextAsync("Einvernehmen nötig", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-followup").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        await page.GetByRole(AriaRole.Link, new() { Name = "Verlauf" }).ClickAsync();
        var entry = page.Locator("a.wa-history-title", new() { HasText = question });
        await Assertions.Expect(entry).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.ReloadAsync();
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = Timeout });
        await entry.ClickAsync(new() { Timeout = Timeout });

        await Assertions.Expect(page.Locator(".wa-answer-text")).ToContainTextAsync("Einvernehmen nötig", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-answer-text button.wa-cite")).ToHaveTextAsync("§ 36 Abs. 1 BauGB");

        // Stored encrypted: the plain question text is nowhere in local storage.
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, localStorage))");
        Assert.Contains("wa.history.index", storage);
        Assert.DoesNotContain("Beteiligung", storage);
    }

    [Fact]
    public async Task ScriptPayloads_InModelAndDocumentText_NeverRun()
    {
        const string payloads = "<img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> [klick](javascript:window.__xss=3) <svg onload=\"window.__xss=4\">";
        var evil = SampleData.Paragraph35Absatz1 with { Id = "evil", Text = "(1) " + payloads };
        _app.Store.Chunks.Add(evil);
        _app.Answers.Answer(
            ScriptedAnswerService.Step.Of(new SourcesUpdate([new AnswerCitation(1, evil, false, [])], AnswerMode.Generative)),
            ScriptedAnswerService.Step.Of(new TextUpdate(payloads)),
            ScriptedAnswerService.Step.Of(new FinalUpdate(FinalAnswer("Antwort " + payloads + " [1].", new AnswerCitation(1, evil, true, [])))));
        var page = await OpenAsync("/");
        await AskAsync(page, payloads);
        await page.Locator(".wa-answer-text button.wa-cite").ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-source-panel .wa-passage")).ToContainTextAsync("onerror", new() { Timeout = Timeout });

        foreach (var link in await page.Locator(".wa-answer-text a").AllAsync())
        {
            Assert.DoesNotContain("javascript", await link.GetAttributeAsync("href") ?? "", StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await page.Locator(".wa-answer-text img, .wa-answer-text svg:not(.mud-icon-root), .wa-passage img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        _app.Store.Chunks.Remove(evil);
    }

    [Fact]
    public async Task Filters_ChosenInTheBrowser_ReachTheRequest()
    {
        _app.Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(FinalAnswer("Antwort [1]."))));
        var page = await OpenAsync("/");
        await page.Locator("button.wa-filter-toggle").ClickAsync(new() { Timeout = Timeout });
        await page.Locator(".wa-filter-levels .mud-chip", new() { HasText = "Bund" }).ClickAsync();
        await page.Locator(".wa-filter-types .mud-chip", new() { HasText = "Gesetz" }).First.ClickAsync();
        await page.Locator("div.wa-filter-laws").ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Baugesetzbuch" });
        await option.ClickAsync(new() { Timeout = Timeout });

        // The popover animates: wait until the choice is taken and the list is gone before typing the question.
        await Assertions.Expect(page.Locator("div.wa-filter-laws input").First).ToHaveValueAsync("BauGB", new() { Timeout = Timeout });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "filters.png"), FullPage = true });
        var asked = _app.Answers.Requests.Count;

        await AskAsync(page, Question);

        await Assertions.Expect(page.Locator(".wa-answer-text")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var filter = _app.Answers.Requests[asked].Filter!;
        Assert.Equal([Core.Documents.Level.Bund], filter.Levels);
        Assert.Equal([Core.Documents.DocumentType.Gesetz], filter.Types);
        Assert.Equal(["BauGB"], filter.Laws);
    }

    [Fact]
    public async Task NormView_ShowsNorm_AndSearchBoxNavigates()
    {
        var page = await OpenAsync("/norm/BauGB/35");

        await Assertions.Expect(page.Locator("h1.wa-norm-title")).ToHaveTextAsync("§ 35 BauGB", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".wa-norm .wa-norm-part")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "norm.png"), FullPage = true });

        await page.Locator("#wa-norm-query").FillAsync("§ 36 BauGB");
        await page.Locator("#wa-norm-query").PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1.wa-norm-title")).ToHaveTextAsync("§ 36 BauGB", new() { Timeout = Timeout });
        Assert.EndsWith("/norm/BauGB/36", page.Url, StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Health_AnswersOnLoopback_AndPagesCarrySecurityHeaders()
    {
        var page = await OpenAsync("/health", interactive: false);
        Assert.Equal("Healthy", await page.InnerTextAsync("body"));

        var response = await page.GotoAsync("/");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);

        await page.GotoAsync("/gibt-es-nicht");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Seite nicht gefunden", new() { Timeout = Timeout });
    }
}
