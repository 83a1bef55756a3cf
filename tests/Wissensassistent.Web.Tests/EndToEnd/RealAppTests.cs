using Microsoft.Playwright;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// The real app with the real services over the repository's corpus: ask, wait for the streamed answer, open a
/// citation, read the passage; screenshots go to docs/screenshots/. Needs <c>builder.AddWissensassistent()</c> in
/// Program.cs. Run alone with <c>--filter-trait "Category=EndToEnd"</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RealAppTests(RealAppProcess app, ChromiumFixture chromium) : IClassFixture<RealAppProcess>, IClassFixture<ChromiumFixture>
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    /// <summary>The first start ingests the whole corpus before questions are possible.</summary>
    private static readonly TimeSpan IndexingTimeout = TimeSpan.FromMinutes(15);

    private const float AnswerTimeout = 180_000;

    private async Task<IPage> OpenAsync(string path)
    {
        var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = 120_000 });
        return page;
    }

    private void FailIfNotWired()
    {
        if (app.Log.Contains(RealAppProcess.MissingWiringMarker, StringComparison.Ordinal))
        {
            Assert.Fail("Dienste noch nicht verdrahtet: builder.AddWissensassistent() fehlt in src/Wissensassistent.Web/Program.cs.\n" + app.LogTail);
        }

        if (app.HasExited)
        {
            Assert.Fail("Die Anwendung ist beendet:\n" + app.LogTail);
        }
    }

    private async Task WaitUntilAskableAsync(IPage page)
    {
        var box = page.Locator("textarea#wa-question");
        var deadline = DateTime.UtcNow + IndexingTimeout;
        while (DateTime.UtcNow < deadline)
        {
            FailIfNotWired();
            if (await box.CountAsync() == 1 && await box.IsEnabledAsync())
            {
                return;
            }

            await page.WaitForTimeoutAsync(1000);
        }

        Assert.Fail($"Der Bestand wurde nicht binnen {IndexingTimeout.TotalMinutes} Minuten aufgebaut.\n" + app.LogTail);
    }

    [Fact]
    public async Task Ask_StreamsAnAnswer_AndCitationOpensTheVerbatimPassage()
    {
        var page = await OpenAsync("/");
        await WaitUntilAskableAsync(page);
        await page.WaitForLiveQuestionBoxAsync(AnswerTimeout);

        await page.Locator("textarea#wa-question").FillAsync(Question);
        await page.Locator("textarea#wa-question").PressAsync("Enter");

        var turn = page.Locator(".wa-turn").Last;
        await Assertions.Expect(turn).ToHaveAttributeAsync("data-state", "Completed", new() { Timeout = AnswerTimeout });
        FailIfNotWired();
        await Assertions.Expect(turn.Locator(".wa-answer-text")).Not.ToBeEmptyAsync();
        var chip = turn.Locator(".wa-sources button.wa-cite").First;
        await Assertions.Expect(chip).ToContainTextAsync("§");
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "chat.png"), FullPage = true });

        var citation = (await chip.InnerTextAsync()).Trim();
        await chip.ClickAsync();

        var panel = page.Locator(".wa-source-panel");
        await Assertions.Expect(panel.Locator(".wa-source-title")).ToHaveTextAsync(citation);
        await Assertions.Expect(panel.Locator(".wa-passage")).Not.ToBeEmptyAsync();
        await Assertions.Expect(panel.Locator(".wa-source-file")).Not.ToBeEmptyAsync();
        await Assertions.Expect(panel.Locator(".wa-norm .wa-current")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Equal(
            (await panel.Locator(".wa-passage").InnerTextAsync()).Trim(),
            (await panel.Locator(".wa-norm .wa-current").InnerTextAsync()).Trim());
        await page.WaitForSourcePanelSettledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "source-panel.png") });
    }

    [Fact]
    public async Task NormView_ShowsParagraph35BauGB_WithNeighbours()
    {
        var page = await OpenAsync("/");
        await WaitUntilAskableAsync(page);

        await page.GotoAsync("/norm/BauGB/35");

        await Assertions.Expect(page.Locator("h1.wa-norm-title")).ToHaveTextAsync("§ 35 BauGB", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".wa-norm")).ToContainTextAsync("Außenbereich");
        await Assertions.Expect(page.Locator("a.wa-previous")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/norm/BauGB/"));
        await Assertions.Expect(page.Locator("a.wa-next")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/norm/BauGB/"));
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "norm.png"), FullPage = true });
    }

    [Fact]
    public async Task Admin_SignsInWithTheFirstStartPassword_AndStartsAnIncrementalReindex()
    {
        var page = await OpenAsync("/");
        await WaitUntilAskableAsync(page);
        var password = System.Text.RegularExpressions.Regex.Match(app.Log, @"Passwort: (\S+)");
        Assert.True(password.Success, "Das Passwort des ersten Verwaltungskontos fehlt in der Konsolenausgabe.\n" + app.LogTail);

        // Anonymous: /admin sends to the sign-in page and back afterwards.
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/anmelden\\?ReturnUrl=%2Fadmin"));
        await page.Locator("#wa-user").FillAsync("admin");
        await page.Locator("#wa-password").FillAsync(password.Groups[1].Value);
        await page.Locator(".wa-login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = 120_000 });

        // The start-up ingestion is the first run; the button adds a second, started from the admin area.
        var history = page.Locator(".wa-admin-history tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var incremental = page.Locator("button.wa-reindex-incremental");
        await Assertions.Expect(incremental).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await incremental.ClickAsync();

        await Assertions.Expect(history).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        var latest = history.First;
        await Assertions.Expect(latest).ToContainTextAsync("Verwaltung");
        await Assertions.Expect(latest).ToContainTextAsync("erfolgreich", new() { Timeout = 120_000 });
        FailIfNotWired();
    }
}
