using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.Drafts;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Drafts;

public sealed class DraftCheckPageTests : WebTestContext
{
    private const string Bekanntgabe = "(2) Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am vierten Tag nach der Aufgabe zur Post als bekannt gegeben.";

    private const string Draft = """
        Nach § 35 Abs. 2 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden“.

        Nach § 35 Abs. 1 BauGB ist ein Vorhaben im Außenbereich „stets zulässig, wenn öffentliche Belange nicht entgegenstehen“.

        Eine Veränderungssperre nach § 20 BauGB besteht nicht; § 35c BauGB ist nicht einschlägig.

        Der Bescheid gilt nach § 41 Abs. 2 VwVfG am vierten Tag als bekannt gegeben.
        """;

    public DraftCheckPageTests()
    {
        Store.Chunks.Add(SampleData.Chunk("20", null, "(weggefallen)", 10, title: null) with { IsRepealed = true });
        Store.Chunks.Add(SampleData.Chunk("41", "2", Bekanntgabe, 0, law: "VwVfG", title: "Bekanntgabe des Verwaltungsaktes") with { DocumentId = "bund/vwvfg.md" });
        Store.Chunks.Add(SampleData.Chunk("41", "2", Bekanntgabe, 0, law: "LVwVfG", title: "Bekanntgabe des Verwaltungsaktes") with { DocumentId = "land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md" });
        Store.Laws.Add(new LawInfo("VwVfG", "Verwaltungsverfahrensgesetz", [], Level.Bund, DocumentType.Gesetz, null, 1));
        Store.Laws.Add(new LawInfo("LVwVfG", "Landesverwaltungsverfahrensgesetz", [], Level.Land, DocumentType.Gesetz, null, 1));
        Services.AddSingleton<NormLookup>();
        Services.AddSingleton(ApplicableLaw.Default);
        Services.AddSingleton<DraftCitationCheck>();
    }

    private IRenderedComponent<DraftCheckPage> Paste(string draft)
    {
        var page = Render<DraftCheckPage>();
        page.Find("textarea#wa-draft-input").Change(draft);
        page.Find("button.wa-draft-check").Click();
        return page;
    }

    [Fact]
    public void PastedDraft_ShowsEveryCitationWithItsStatus()
    {
        SignInAs(AppRoles.Staff, Policies.DraftCheck);

        var page = Paste(Draft);

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".wa-draft-citation").Count));
        var cards = page.FindAll(".wa-draft-citation");
        Assert.Equal(["resolved", "resolved", "repealed", "notfound", "displaced"], cards.Select(c => c.GetAttribute("data-status")));
        Assert.Equal(
            ["gefunden", "gefunden", "weggefallen", "nicht gefunden", "verdrängt durch Landesrecht (LVwVfG)"],
            page.FindAll(".wa-draft-status").Select(s => s.TextContent.Trim()));
        Assert.Contains("Sonstige Vorhaben können im Einzelfall zugelassen werden", cards[0].QuerySelector(".wa-draft-passage")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SampleData.Stand, cards[0].QuerySelector(".wa-draft-stand")!.TextContent.Trim());
        Assert.Equal("/norm/BauGB/35?abs=2", cards[0].QuerySelector("a.wa-draft-norm-link")!.GetAttribute("href"));
        Assert.Contains("Nächstgelegene Normen", cards[3].QuerySelector(".wa-draft-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("§ 41 Abs. 2 LVwVfG", cards[4].QuerySelector(".wa-draft-parallel")!.TextContent.Trim());
    }

    [Fact]
    public void AlteredQuotation_IsMarkedWithTheChangedWords()
    {
        SignInAs(AppRoles.Staff, Policies.DraftCheck);

        var page = Paste(Draft);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".wa-draft-quotation").Count));
        var quotations = page.FindAll(".wa-draft-quotation");
        Assert.Equal(["verbatim", "altered"], quotations.Select(q => q.GetAttribute("data-status")));
        Assert.Equal("Zitat abweichend", quotations[1].QuerySelector(".wa-draft-quotation-status")!.TextContent.Trim());
        Assert.Equal("stets", quotations[1].QuerySelector(".wa-draft-difference del")!.TextContent);
        Assert.Equal("nur", quotations[1].QuerySelector(".wa-draft-difference ins")!.TextContent);
        Assert.Contains("1 Zitat abweichend", page.Find(".wa-draft-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UploadedTextFile_IsChecked_AndAnUnsupportedOneIsRefusedInGerman()
    {
        SignInAs(AppRoles.Staff, Policies.DraftCheck);
        var page = Render<DraftCheckPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("Gemäß § 36 BauGB entscheidet die Behörde.", "vermerk.txt"));

        page.WaitForAssertion(() => Assert.Equal("resolved", page.Find(".wa-draft-citation").GetAttribute("data-status")));
        Assert.Contains("vermerk.txt", page.Find(".wa-draft-report h2").TextContent, StringComparison.Ordinal);

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("x", "vermerk.odt"));

        page.WaitForAssertion(() => Assert.Contains("wird nicht unterstützt", page.Find(".wa-draft-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".wa-draft-citation"));
    }

    [Fact]
    public void EmptyDraft_GetsAGermanHint()
    {
        SignInAs(AppRoles.Staff, Policies.DraftCheck);

        var page = Paste("   ");

        page.WaitForAssertion(() => Assert.Contains("Der Entwurf ist leer", page.Find(".wa-draft-error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Anonymous_IsRefused_EvenInALiveCircuit()
    {
        var page = Paste(Draft);

        page.WaitForAssertion(() => Assert.Contains("nur angemeldete Mitarbeitende", page.Find(".wa-draft-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".wa-draft-citation"));
    }

    [Fact]
    public void Navigation_LinksTheCheck_ForSignedInStaff()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        SignInAs(AppRoles.Staff, Policies.DraftCheck);

        var layout = Render<Wissensassistent.Web.Components.Layout.MainLayout>();

        var link = Assert.Single(layout.FindAll("a"), a => a.GetAttribute("href") == "zitate-pruefen");
        Assert.Contains("Zitate prüfen", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigation_HasNoLinkToTheCheck_ForAnonymousVisitors()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var layout = Render<Wissensassistent.Web.Components.Layout.MainLayout>();

        Assert.DoesNotContain(layout.FindAll("a"), a => a.GetAttribute("href") == "zitate-pruefen");
    }
}
