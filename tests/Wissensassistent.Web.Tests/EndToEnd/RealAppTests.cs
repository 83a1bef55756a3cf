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
    public async Task NormView_AtACitedAbsatz_ScrollsThere_LinksItsReferences_AndListsWhoCitesIt()
    {
        var page = await OpenAsync("/");
        await WaitUntilAskableAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        // The Gemeinde's bylaws are read after the federal laws: wait until the start-up run has reached them.
        var deadline = DateTime.UtcNow + IndexingTimeout;
        do
        {
            await page.GotoAsync("/norm/BauGB/34?abs=3a&satz=1");
            await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator(".wa-cited-by-law").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        while (await page.Locator(".wa-cited-by-law", new() { HasTextString = "Bad Boll" }).CountAsync() == 0 && DateTime.UtcNow < deadline);

        // Stand and source at the top; the cited Absatz marked and scrolled into view.
        await Assertions.Expect(page.Locator("h1.wa-norm-title")).ToHaveTextAsync("§ 34 BauGB", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".wa-norm-head .wa-stand")).Not.ToBeEmptyAsync();
        var current = page.Locator(".wa-norm .wa-current");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToContainTextAsync("(3a)");
        await Assertions.Expect(current).ToBeInViewportAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "Die Ansicht ist nicht zum zitierten Absatz gescrollt.");

        // References are links into the norm view, at their Absatz.
        var toAbsatz1 = current.Locator("a.wa-ref[href='/norm/BauGB/34?abs=1&satz=1']");
        await Assertions.Expect(toAbsatz1).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".wa-norm a.wa-ref[href='/norm/BauGB/31?abs=1']")).ToHaveCountAsync(1);
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "norm-references.png") });

        // "Zitiert von": the norms that cite § 34, grouped by law, the BauGB first and the Gemeinde's bylaws after it.
        var citedBy = page.Locator(".wa-cited-by");
        await Assertions.Expect(citedBy.Locator(".wa-cited-by-law").First).ToHaveTextAsync("Baugesetzbuch (BauGB)");
        await Assertions.Expect(citedBy.Locator("a[href='/norm/BauGB/36?abs=1']").First).ToBeVisibleAsync();
        await Assertions.Expect(citedBy.Locator(".wa-cited-by-law", new() { HasTextString = "Bad Boll" }).First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, document.querySelector('.wa-cited-by').getBoundingClientRect().top + window.scrollY - 72)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "norm-cited-by.png") });

        // Following a reference opens its target at the cited Absatz.
        await toAbsatz1.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/norm/BauGB/34\\?abs=1&satz=1$"));
        await Assertions.Expect(page.Locator(".wa-norm .wa-current")).ToContainTextAsync("(1)");
        FailIfNotWired();
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
