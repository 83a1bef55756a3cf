using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Tests;

public sealed class FederalStatuteParserTests
{
    [Fact]
    public void Bgb_573b_HasOneChunkPerAbsatz_WithNumberedItemsOnTheirOwnLines()
    {
        var bgb = Corpus.Parse("bund/bgb.md");

        var chunks = bgb.Batch.Chunks.Where(c => c.Citation.Kind == NormKind.Paragraph && c.Citation.Section == "573b").ToList();

        Assert.Equal(["1", "2", "3", "4", "5"], chunks.Select(c => c.Citation.Absatz));
        var first = chunks[0];
        Assert.Equal("BGB", first.Citation.Law);
        Assert.Equal("Teilkündigung des Vermieters", first.NormTitle);
        Assert.Equal("§ 573b Teilkündigung des Vermieters", first.HeadingPath[^1]);
        Assert.Equal("BGB", first.HeadingPath[0]);
        Assert.StartsWith("(1) Der Vermieter kann nicht zum Wohnen bestimmte Nebenräume", first.Text, StringComparison.Ordinal);
        Assert.Contains("im Sinne des § 573 kündigen", first.Text, StringComparison.Ordinal);
        Assert.Contains("\n1. Wohnraum zum Zwecke der Vermietung zu schaffen oder\n2. den neu zu schaffenden", first.Text, StringComparison.Ordinal);
        Assert.Equal("(5) Eine zum Nachteil des Mieters abweichende Vereinbarung ist unwirksam.", chunks[4].Text);
    }

    [Fact]
    public void Bgb_DocumentMetadata_ComesFromFrontMatterAndDefinitionList()
    {
        var document = Corpus.Parse("bund/bgb.md").Batch.Document;

        Assert.Equal("bund/bgb.md", document.Id);
        Assert.Equal("Bürgerliches Gesetzbuch", document.Title);
        Assert.Equal(Level.Bund, document.Level);
        Assert.Equal(DocumentType.Gesetz, document.Type);
        Assert.Equal("Art. 4 Abs. 6 G v. 7.5.2021 I 850", document.Stand);
        Assert.Equal(new DateOnly(1896, 8, 18), document.ValidFrom);
        Assert.Equal(64, document.ContentHash.Length);
    }

    [Fact]
    public void Gg_Art20_IsAnArticle_CitedAsArtGg()
    {
        var gg = Corpus.Parse("bund/gg.md");

        var chunk = Corpus.Single(gg, "Art. 20 Abs. 3 GG");

        Assert.Equal(NormKind.Article, chunk.Citation.Kind);
        Assert.Equal("20", chunk.Citation.Section);
        Assert.Null(chunk.NormTitle);
        Assert.Equal("(3) Die Gesetzgebung ist an die verfassungsmäßige Ordnung, die vollziehende Gewalt und die Rechtsprechung sind an Gesetz und Recht gebunden.", chunk.Text);
        Assert.Contains(gg.Batch.Chunks, c => c.Citation.Section == "Präambel" && c.Citation.Kind == NormKind.Section);
    }

    [Fact]
    public void BauGb_IsCitedWithItsCustomaryAbbreviation_AndKeepsTheFileAbbreviationAsAlias()
    {
        var document = Corpus.Parse("bund/bbaug.md").Batch.Document;

        Assert.Equal("BauGB", document.Law);
        Assert.Equal("Baugesetzbuch", document.Title);
        Assert.Contains("BBauG", document.Aliases);
        Assert.Equal("Art. 2 G v. 8.8.2020 I 1728", document.Stand);
        Assert.Equal(new DateOnly(1960, 6, 23), document.ValidFrom);
    }

    [Fact]
    public void BauGb_35_Abs1_KeepsItsNumberedItems_AndEveryPartStaysWithinTheBudget()
    {
        var baugb = Corpus.Parse("bund/bbaug.md");

        var absatz1 = baugb.Batch.Chunks.Where(c => c.Citation.Section == "35" && c.Citation.Absatz == "1").ToList();

        Assert.NotEmpty(absatz1);
        Assert.All(absatz1, c => Assert.Equal("BauGB", c.Citation.Law));
        Assert.Equal(Enumerable.Range(0, absatz1.Count), absatz1.Select(c => c.Part));
        var text = string.Join("\n", absatz1.Select(c => c.Text));
        Assert.StartsWith("(1) Im Außenbereich ist ein Vorhaben nur zulässig", text, StringComparison.Ordinal);
        for (var item = 1; item <= 8; item++)
        {
            Assert.Contains($"\n{item}. ", text, StringComparison.Ordinal);
        }

        Assert.Contains("\na) das Vorhaben steht in einem räumlich-funktionalen Zusammenhang mit dem Betrieb,", text, StringComparison.Ordinal);
        Assert.All(absatz1, c => Assert.Equal("Bauen im Außenbereich", c.NormTitle));
        Assert.Contains("Dritter Teil - Regelung der baulichen und sonstigen Nutzung; Entschädigung", absatz1[0].HeadingPath);
    }

    [Fact]
    public void BauGb_20_IsRepealed_AndKeptAsOneChunk()
    {
        var chunk = Corpus.Single(Corpus.Parse("bund/bbaug.md"), "§ 20 BauGB");

        Assert.True(chunk.IsRepealed);
        Assert.Equal("(weggefallen)", chunk.Text);
    }

    [Fact]
    public void RepealedRanges_AreOneRepealedChunkWithTheRangeAsSection()
    {
        var bgb = Corpus.Parse("bund/bgb.md");

        var range = Assert.Single(bgb.Batch.Chunks, c => c.Citation.Section == "1321 bis 1352");

        Assert.True(range.IsRepealed);
        Assert.Equal(NormKind.Paragraph, range.Citation.Kind);
    }

    [Fact]
    public void SgbX_IsCitedAsSgbX()
    {
        var sgb10 = Corpus.Parse("bund/sgb_10.md");

        Assert.Equal("SGB X", sgb10.Batch.Document.Law);
        Assert.Contains("SGB 10", sgb10.Batch.Document.Aliases);
        Assert.Contains(sgb10.Batch.Chunks, c => c.Citation.ToString() == "§ 31 SGB X" || c.Citation.ToString().StartsWith("§ 31 Abs.", StringComparison.Ordinal));
    }

    [Fact]
    public void VwVfG_35_DefinesTheVerwaltungsakt()
    {
        var vwvfg = Corpus.Parse("bund/vwvfg.md");

        var chunk = vwvfg.Batch.Chunks.First(c => c.Citation.Section == "35");

        Assert.Equal("VwVfG", chunk.Citation.Law);
        Assert.Equal("Begriff des Verwaltungsaktes", chunk.NormTitle);
        Assert.Contains("Verwaltungsakt ist jede Verfügung, Entscheidung oder andere hoheitliche Maßnahme", chunk.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bund/rustag.md", "StAG", "RuStAG")]
    [InlineData("bund/asylvfg_1992.md", "AsylG", "AsylVfG 1992")]
    [InlineData("bund/passg_1986.md", "PassG", "PaßG 1986")]
    public void FederalLaws_UseTheManifestsCitationAbbreviation(string path, string law, string alias)
    {
        var document = Corpus.Parse(path).Batch.Document;

        Assert.Equal(law, document.Law);
        Assert.Contains(alias, document.Aliases);
    }

    [Fact]
    public void LongFrontMatterTitle_FoldedOverTwoLines_GivesTheFullTitle()
    {
        var bimschg = Corpus.Parse("bund/bimschg.md");

        Assert.Equal("BImSchG", bimschg.Batch.Document.Law);
        Assert.Equal("Gesetz zum Schutz vor schädlichen Umwelteinwirkungen durch Luftverunreinigungen, Geräusche, Erschütterungen und ähnliche Vorgänge", bimschg.Batch.Document.Title);
        Assert.Empty(bimschg.Warnings);
    }

    [Fact]
    public void FootnotesAndDefinitionListMetadata_AreNotIndexed()
    {
        var baugb = Corpus.Parse("bund/bbaug.md");

        Assert.DoesNotContain(baugb.Batch.Chunks, c => c.Text.Contains("Richtlinie 92/43/EWG", StringComparison.Ordinal));
        Assert.DoesNotContain(baugb.Batch.Chunks, c => c.Text.Contains("Ausfertigungsdatum", StringComparison.Ordinal));
    }
}
