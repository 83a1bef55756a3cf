using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.Norms;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Norms;

/// <summary>The norm view for checking: references as links, "zitiert von", the cited Absatz marked, repealed runs.</summary>
public sealed class NormReferencesTests : WebTestContext
{
    private const string Text36 = "(1) Über die Zulässigkeit von Vorhaben nach § 35 Abs. 1 und § 20 wird <b>nicht</b> ohne § 5 WaffG entschieden; Absatz 2 bleibt unberührt.";

    public NormReferencesTests()
    {
        // § 36 Abs. 1 cites § 35 Abs. 1 (held), § 20 (repealed), § 5 WaffG (law not held) and its own Absatz 2.
        var text = Text36;
        Store.Chunks.Remove(SampleData.Paragraph36);
        Store.Chunks.Add(SampleData.Paragraph36 with
        {
            Text = text,
            References =
            [
                Reference(text, "§ 35 Abs. 1", new Citation("BauGB", NormKind.Paragraph, "35", "1"), ReferenceBasis.SameLaw),
                Reference(text, "§ 20", new Citation("BauGB", NormKind.Paragraph, "20"), ReferenceBasis.SameLaw),
                Reference(text, "§ 5 WaffG", new Citation("WaffG", NormKind.Paragraph, "5"), ReferenceBasis.Explicit),
                Reference(text, "Absatz 2", new Citation("BauGB", NormKind.Paragraph, "36", "2"), ReferenceBasis.Relative),
            ],
        });
        Store.Chunks.Add(SampleData.Chunk("36", "2", "(2) Das Einvernehmen gilt als erteilt.", 4, title: "Beteiligung der Gemeinde"));
        Store.Chunks.Add(SampleData.Chunk("20", null, "(weggefallen)", 5, title: null) with { IsRepealed = true });
    }

    [Fact]
    public void References_HeldNormIsALinkToItsAbsatz_RepealedAndOutsideTheCorpusAreMarkedNotLinked()
    {
        var page = Render<NormPage>(p => p.Add(x => x.Law, "BauGB").Add(x => x.Section, "36"));

        var links = page.FindAll(".wa-norm a.wa-ref");
        Assert.Equal(["/norm/BauGB/35?abs=1", "/norm/BauGB/36?abs=2"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("§ 35 Abs. 1", links[0].TextContent);

        var unresolved = page.FindAll(".wa-norm .wa-ref-unresolved");
        Assert.Equal(["Repealed", "LawOutsideCorpus"], unresolved.Select(s => s.GetAttribute("data-outcome")));
        Assert.Contains("weggefallen", unresolved[0].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("nicht im Bestand", unresolved[1].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(unresolved.SelectMany(s => s.QuerySelectorAll("a")));

        // The document's text stays text: no element comes from it.
        Assert.Empty(page.FindAll(".wa-norm b"));
        Assert.Equal(Text36, page.FindAll(".wa-norm .wa-norm-part")[0].TextContent);
    }

    [Fact]
    public void CitedBy_ListsTheReferringNorms_GroupedByLaw_AtTheirAbsatz()
    {
        var page = Render<NormPage>(p => p.Add(x => x.Law, "BauGB").Add(x => x.Section, "35"));

        Assert.Equal("Baugesetzbuch (BauGB)", page.Find(".wa-cited-by-law").TextContent.Trim());
        var referring = page.Find(".wa-cited-by-list a");
        Assert.Equal("/norm/BauGB/36?abs=1", referring.GetAttribute("href"));
        Assert.Contains("§ 36 Abs. 1 BauGB", referring.TextContent, StringComparison.Ordinal);

        var itself = Render<NormPage>(p => p.Add(x => x.Law, "BauGB").Add(x => x.Section, "36"));
        Assert.NotNull(itself.Find(".wa-cited-by-none"));
    }

    [Fact]
    public void CitedAbsatz_IsMarked_ScrolledTo_WithStandAndSourceAboveTheText()
    {
        var page = RenderAt("/norm/BauGB/35?abs=2&satz=1", "BauGB", "35");

        var current = page.Find(".wa-norm .wa-current");
        Assert.Equal(SampleData.Paragraph35Absatz2.Text, current.TextContent);
        Assert.Equal(NormPage.CitedElementId, current.Id);
        Assert.Single(page.FindAll(".wa-norm .wa-current"));
        Assert.Equal("Zitiert: § 35 Abs. 2 Satz 1 BauGB", page.Find(".wa-cited-label").TextContent.Trim());
        Assert.Equal(SampleData.Paragraph35Absatz2.Text, current.QuerySelector("mark")!.TextContent);
        Assert.Equal(NormPage.CitedElementId, JSInterop.VerifyInvoke("wissensassistent.scrollToCited").Arguments.Single());

        // Stand and source come before the text; the heading path and the neighbours stay.
        var markup = page.Markup;
        Assert.True(markup.IndexOf("wa-stand", StringComparison.Ordinal) < markup.IndexOf("wa-norm-part", StringComparison.Ordinal));
        Assert.Equal(SampleData.Stand, page.Find(".wa-stand").TextContent.Trim());
        Assert.Equal("/norm/BauGB/34", page.Find("a.wa-previous").GetAttribute("href"));
    }

    [Fact]
    public void CitedAbsatzThatDoesNotExist_SaysSo_AndShowsTheWholeNorm()
    {
        var page = RenderAt("/norm/BauGB/35?abs=9", "BauGB", "35");

        Assert.Contains("hat keinen Absatz 9", page.Find(".wa-norm-unknown-detail").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".wa-norm .wa-current"));
        Assert.Equal(2, page.FindAll(".wa-norm .wa-norm-part").Count);
    }

    [Fact]
    public void NumberInsideARepealedRun_SaysWeggefallen_InsteadOfNotFound()
    {
        Store.Laws.Add(new LawInfo("BGB", "Bürgerliches Gesetzbuch", [], Level.Bund, DocumentType.Gesetz, null, 1));
        Store.Chunks.Add(SampleData.Chunk("1321 bis 1352", null, "(weggefallen)", 10, law: "BGB", title: null) with { IsRepealed = true, LawTitle = "Bürgerliches Gesetzbuch" });

        var page = Render<NormPage>(p => p.Add(x => x.Law, "BGB").Add(x => x.Section, "1330"));

        Assert.Equal("§ 1330 BGB", page.Find(".wa-norm-title").TextContent.Trim());
        Assert.Contains("§ 1330 BGB ist weggefallen (aufgehoben mit §§ 1321 bis 1352 BGB)", page.Find(".wa-repealed").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".wa-norm-unknown"));
    }

    /// <summary>The page as the router shows it for an address with a query (<c>?abs=</c> is read from the URI).</summary>
    private IRenderedComponent<NormPage> RenderAt(string address, string law, string section)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<NormPage>(p => p.Add(x => x.Law, law).Add(x => x.Section, section));
    }

    private static CrossReference Reference(string text, string span, Citation target, ReferenceBasis basis) =>
        new(text.IndexOf(span, StringComparison.Ordinal), span.Length, target, basis);
}
