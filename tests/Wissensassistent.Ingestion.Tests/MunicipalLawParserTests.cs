using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Tests;

public sealed class MunicipalLawParserTests
{
    private const string Hundesteuer = "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md";

    [Fact]
    public void Hundesteuersatzung_5_HasBoldAbsaetzeStripped_AndTheShortNameAsLaw()
    {
        var satzung = Corpus.Parse(Hundesteuer);

        var chunk = Corpus.Single(satzung, "§ 5 Abs. 1 Hundesteuersatzung Bad Boll");

        Assert.StartsWith("(1) Die Steuer beträgt im Kalenderjahr für jeden Hund 165,00 €.", chunk.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", chunk.Text, StringComparison.Ordinal);
        Assert.Equal("Steuersatz", chunk.NormTitle);
        Assert.Equal(["Hundesteuersatzung Bad Boll", "§ 5 Steuersatz"], chunk.HeadingPath);
        Assert.Equal(4, satzung.Batch.Chunks.Count(c => c.Citation.Section == "5"));
    }

    [Fact]
    public void Hundesteuersatzung_Metadata_ComesFromFrontMatterFolderAndStandLine()
    {
        var document = Corpus.Parse(Hundesteuer).Batch.Document;

        Assert.Equal("Hundesteuersatzung Bad Boll", document.Law);
        Assert.Equal("Satzung über die Erhebung der Hundesteuer (Hundesteuersatzung)", document.Title);
        Assert.Contains("Hundesteuersatzung", document.Aliases);
        Assert.Equal(Level.Kommune, document.Level);
        Assert.Equal(DocumentType.Satzung, document.Type);
        Assert.Equal("Januar 2025", document.Stand);
        Assert.Equal("Gemeinde Bad Boll", document.Issuer);
        Assert.Equal(new DateOnly(2023, 12, 7), document.ValidFrom);
    }

    [Fact]
    public void Hundesteuersatzung_EnactingClause_IsASectionChunk_AndTheLetterheadIsNot()
    {
        var chunks = Corpus.Parse(Hundesteuer).Batch.Chunks;

        var first = chunks[0];
        Assert.Equal(NormKind.Section, first.Citation.Kind);
        Assert.Equal("Eingangsformel", first.Citation.Section);
        Assert.StartsWith("Auf Grund von § 4 der Gemeindeordnung", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("Stand:", StringComparison.Ordinal));
        Assert.DoesNotContain(chunks, c => c.HeadingPath.Any(h => h.StartsWith("GEMEINDE BAD BOLL", StringComparison.Ordinal)));
    }

    [Fact]
    public void RichtlinieEhrungen_Nr21_IsAnItem_UnderItsNumberedHeading()
    {
        var richtlinie = Corpus.Parse("kommune/GEM-BBO/BBO_Richtlinie_Ehrungen.md");

        var chunk = Corpus.Single(richtlinie, "Richtlinie Ehrungen Bad Boll, Nr. 2.1");

        Assert.Equal(NormKind.Item, chunk.Citation.Kind);
        Assert.Equal("Form der Ehrung", chunk.NormTitle);
        Assert.Equal(["Richtlinie Ehrungen Bad Boll", "I. Ehrung im Sportbereich", "2. Form der Ehrung"], chunk.HeadingPath);
        Assert.StartsWith("2.1 Als sichtbares Zeichen der Ehrung", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(DocumentType.Richtlinie, richtlinie.Batch.Document.Type);
        Assert.Equal("Januar 2008", richtlinie.Batch.Document.Stand);
    }

    [Fact]
    public void RichtlinieEhrungen_ItemKeepsItsLetteredAndBulletedLines()
    {
        var chunk = Corpus.Single(Corpus.Parse("kommune/GEM-BBO/BBO_Richtlinie_Ehrungen.md"), "Richtlinie Ehrungen Bad Boll, Nr. 3.1");

        Assert.Contains("\na) Ehrenurkunden mit Erinnerungsabgabe\n- Deutsche Meisterschaften Platz 1 - 10\n", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LandkreisFileWithoutFrontMatter_TakesTitleFromHeading_AndStandFromLetterhead()
    {
        var hauptsatzung = Corpus.Parse("kommune/LKR-GP/LKR-GP_Hauptsatzung.md");
        var document = hauptsatzung.Batch.Document;

        Assert.Equal("Hauptsatzung LK Göppingen", document.Law);
        Assert.Equal("Hauptsatzung des Landkreises Göppingen", document.Title);
        Assert.Equal("Landkreis Göppingen", document.Issuer);
        Assert.Equal("Dezember 2020", document.Stand);
        Assert.Equal(DocumentType.Satzung, document.Type);
        Assert.Equal("Eingangsformel", hauptsatzung.Batch.Chunks[0].Citation.Section);
    }

    [Fact]
    public void AbsatzWrittenAsHeading_StartsTheAbsatzTextWithItsNumber()
    {
        var chunk = Corpus.Single(Corpus.Parse("kommune/LKR-GP/LKR-GP_Hauptsatzung.md"), "§ 3 Abs. 1 Hauptsatzung LK Göppingen");

        Assert.StartsWith("(1) Der Kreistag legt die Grundsätze für die Verwaltung des Landkreises fest", chunk.Text, StringComparison.Ordinal);
        Assert.Equal("Zuständigkeiten des Kreistags", chunk.NormTitle);
    }

    [Fact]
    public void SatzungSplitIntoParts_IsOneLaw_AndTheTableOfContentsIsNotIndexed()
    {
        var first = Corpus.Parse("kommune/LKR-GP/LKR-GP_Abfallwirtschaftssatzung_Teil_1_von_2.md");
        var second = Corpus.Parse("kommune/LKR-GP/LKR-GP_Abfallwirtschaftssatzung_Teil_2_von_2.md");

        Assert.Equal("Abfallwirtschaftssatzung LK Göppingen", first.Batch.Document.Law);
        Assert.Equal(first.Batch.Document.Law, second.Batch.Document.Law);
        Assert.Equal(first.Batch.Document.Title, second.Batch.Document.Title);
        Assert.Contains(first.Batch.Chunks, c => c.Citation.Section == "1");
        Assert.Contains(second.Batch.Chunks, c => c.Citation.Section == "29");
        Assert.DoesNotContain(first.Batch.Chunks, c => c.Text.StartsWith("- § 2 Entsorgungspflicht", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kommune/GEM-BBO/BBO_Satzung_Hauptsatzung.md", "Hauptsatzung Bad Boll", DocumentType.Satzung)]
    [InlineData("kommune/GEM-BBO/BBO_Satzung_Freibad.md", "Badeordnung Bad Boll", DocumentType.Satzung)]
    [InlineData("kommune/GEM-BBO/BBO_Benutzungsordnung_Buecherei.md", "Benutzungsordnung Bücherei Bad Boll", DocumentType.Benutzungsordnung)]
    [InlineData("kommune/GEM-BBO/BBO_Satzung_Geschaeftsordnung_Gemeinderat.md", "Geschäftsordnung Gemeinderat Bad Boll", DocumentType.Geschaeftsordnung)]
    [InlineData("kommune/GEM-BBO/BBO_Verordnung_Katzenschutzverordnung.md", "Katzenschutzverordnung Bad Boll", DocumentType.Verordnung)]
    [InlineData("kommune/GVV_Raum_Bad_Boll/GVV-BBO_Satzung_Verbandssatzung.md", "Verbandsatzung GVV Raum Bad Boll", DocumentType.Satzung)]
    [InlineData("kommune/LKR-GP/LKR-GP_1_Verordnung_zur_Aenderung_der_Gebuehrenverordnung_ax.md", "1. Verordnung zur Änderung der Gebührenverordnung LK Göppingen", DocumentType.Verordnung)]
    public void MunicipalTexts_GetReadableCitableNames(string path, string law, DocumentType type)
    {
        var document = Corpus.Parse(path).Batch.Document;

        Assert.Equal(law, document.Law);
        Assert.Equal(type, document.Type);
    }

    [Fact]
    public void RepealedSatzung_IsInForceUntilTheDayBeforeItsRepeal()
    {
        var document = Corpus.Parse("kommune/LKR-GP/LKR-GP_Aufhebung_Satzung_Jagdsteuer.md").Batch.Document;

        Assert.Equal(new DateOnly(2009, 3, 31), document.ValidUntil);
    }
}
