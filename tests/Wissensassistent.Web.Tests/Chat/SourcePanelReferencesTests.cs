using Bunit;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;
using Wissensassistent.Web.Components.Sources;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Chat;

/// <summary>The source panel shows the cited passage's references as the norm view does.</summary>
public sealed class SourcePanelReferencesTests : WebTestContext
{
    [Fact]
    public void Passage_ReferencesAreLinksIntoTheNormView_UnheldOnesAreMarked_HighlightStays()
    {
        var text = SampleData.Paragraph35Absatz1.Text + " § 34 und § 5 WaffG bleiben unberührt.";
        var chunk = SampleData.Paragraph35Absatz1 with
        {
            Text = text,
            References =
            [
                new CrossReference(text.IndexOf("§ 34", StringComparison.Ordinal), 4, new Citation("BauGB", NormKind.Paragraph, "34"), ReferenceBasis.SameLaw),
                new CrossReference(text.IndexOf("§ 5 WaffG", StringComparison.Ordinal), 9, new Citation("WaffG", NormKind.Paragraph, "5"), ReferenceBasis.Explicit),
            ],
        };
        Store.Chunks[Store.Chunks.IndexOf(SampleData.Paragraph35Absatz1)] = chunk;

        var panel = Render<SourcePanel>(p => p
            .Add(x => x.Open, true)
            .Add(x => x.Citation, SampleData.Cited() with { Chunk = chunk }));

        panel.WaitForAssertion(() => Assert.Equal("/norm/BauGB/34", panel.Find(".wa-passage a.wa-ref").GetAttribute("href")));
        Assert.Equal("LawOutsideCorpus", panel.Find(".wa-passage .wa-ref-unresolved").GetAttribute("data-outcome"));
        Assert.Equal("öffentliche Belange nicht entgegenstehen", panel.Find(".wa-passage mark").TextContent);
        Assert.Equal(text, panel.Find(".wa-passage").TextContent.Trim());
        Assert.Equal("/norm/BauGB/34", panel.Find(".wa-norm .wa-current a.wa-ref").GetAttribute("href"));
    }
}
