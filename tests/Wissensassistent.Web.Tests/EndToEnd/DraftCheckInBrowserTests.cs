using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// "Zitate prüfen" in a real browser: sign in, paste a Bescheid made for the test, read each citation's status over
/// the real texts of BauGB, VwVfG and LVwVfG; the screenshot goes with the others (<see cref="RepositoryPaths.Screenshots"/>).
/// </summary>
[Trait("Category", "Browser")]
public sealed class DraftCheckInBrowserTests : IClassFixture<FakeServicesApp>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = 90_000;
    private const string Password = "ein-langes-Passwort-42";

    private const string Draft = """
        Ablehnung des Bauantrags vom 3. März 2025 (Flst. 1234, Gemarkung Bad Boll)

        Das Vorhaben liegt im Außenbereich. Nach § 35 Abs. 2 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt“.

        Nach § 35 Abs. 1 BauGB ist ein Vorhaben im Außenbereich „stets zulässig, wenn öffentliche Belange nicht entgegenstehen“.

        Eine Veränderungssperre nach § 20 BauGB besteht nicht. Einen Anspruch aus § 35c BauGB hat der Antragsteller nicht.

        Dieser Bescheid gilt nach § 41 Abs. 2 Satz 1 VwVfG am dritten Tag nach der Aufgabe zur Post als bekannt gegeben.
        """;

    private static readonly string[] CorpusFiles =
    [
        "bund/bbaug.md",
        "bund/vwvfg.md",
        "land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md",
    ];

    private readonly FakeServicesApp _app;
    private readonly ChromiumFixture _chromium;

    public DraftCheckInBrowserTests(FakeServicesApp app, ChromiumFixture chromium)
    {
        _app = app;
        _chromium = chromium;
        if (_app.Store.Laws.All(l => l.Law != "VwVfG"))
        {
            LoadRealNorms(_app);
        }

        _app.StartServer();
    }

    [Fact]
    public async Task SignedIn_PastedDraft_ShowsEachCitationsStatus()
    {
        var user = "k.pruefer" + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await _app.Services.GetRequiredService<AccountService>().CreateAsync(user, AppRoles.Staff, Password, TestContext.Current.CancellationToken)).Succeeded);
        await using var context = await _chromium.NewContextAsync(_app.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/anmelden?ReturnUrl=%2Fzitate-pruefen");
        await page.Locator("#wa-user").FillAsync(user);
        await page.Locator("#wa-password").FillAsync(Password);
        await page.Locator("button.wa-login-submit").ClickAsync();
        await page.Locator("main[data-interactive]").WaitForAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zitate prüfen", new() { Timeout = Timeout });

        await page.Locator("textarea#wa-draft-input").FillAsync(Draft);
        await page.Locator("button.wa-draft-check").ClickAsync();

        var cards = page.Locator(".wa-draft-citation");
        await Assertions.Expect(cards).ToHaveCountAsync(5, new() { Timeout = Timeout });
        Assert.Equal(
            ["resolved", "resolved", "repealed", "notfound", "displaced"],
            await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.status)"));
        await Assertions.Expect(cards.Nth(4).Locator(".wa-draft-parallel")).ToHaveTextAsync("§ 41 Abs. 2 Satz 1 LVwVfG");
        await Assertions.Expect(cards.Nth(4).Locator(".wa-draft-parallel-wording")).ToContainTextAsync("Wortlaut im LVwVfG: „vierten“ statt „dritten“");
        await Assertions.Expect(page.Locator(".wa-draft-quotation[data-status='altered'] .wa-draft-difference del")).ToHaveTextAsync("stets");
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "draft-check.png"), FullPage = true });
    }

    /// <summary>The real texts, parsed as ingestion parses them, in the app's in-memory store.</summary>
    private static void LoadRealNorms(FakeServicesApp app)
    {
        var parser = new CorpusDocumentParser(LawCatalog.Load(RepositoryRoot.Corpus), new ChunkingOptions());
        foreach (var file in CorpusFiles)
        {
            var batch = parser.Parse(file, File.ReadAllBytes(Path.Combine(RepositoryRoot.Corpus, file))).Batch;
            app.Store.Chunks.AddRange(batch.Chunks.Where(c => c.Citation.Law != "BauGB" || c.Citation.Section is "20" or "33" or "35" or "36" or "37"));
            var document = batch.Document;
            if (app.Store.Laws.All(l => l.Law != document.Law))
            {
                app.Store.Laws.Add(new LawInfo(document.Law, document.Title, document.Aliases, document.Level, document.Type, document.Stand, batch.Chunks.Count));
            }
        }

        // The sample § 35 of the fakes gives way to the real one.
        app.Store.Chunks.RemoveAll(c => c.DocumentId == "bund/bbaug.md" && c.ContentHash.StartsWith("hash-", StringComparison.Ordinal));
    }
}
