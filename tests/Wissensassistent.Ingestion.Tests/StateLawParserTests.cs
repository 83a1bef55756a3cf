using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Tests;

public sealed class StateLawParserTests
{
    [Fact]
    public void GemO_SplitOverSeveralFiles_IsOneLaw_WithOneDocumentPerFile()
    {
        var files = Corpus.Files().Where(f => f.StartsWith("land-bw/GemO-BW_TEIL-", StringComparison.Ordinal)).ToList();

        var documents = files.Select(f => Corpus.Parse(f).Batch.Document).ToList();

        Assert.True(documents.Count >= 5);
        Assert.All(documents, d => Assert.Equal("GemO", d.Law));
        Assert.All(documents, d => Assert.Equal("Gemeindeordnung für Baden-Württemberg", d.Title));
        Assert.All(documents, d => Assert.Equal(Level.Land, d.Level));
        Assert.All(documents, d => Assert.Equal(DocumentType.Gesetz, d.Type));
        Assert.Equal(files, documents.Select(d => d.Id));
    }

    [Fact]
    public void GemO_24_Abs1_IsCitedWithoutTheDashOfTheHeading()
    {
        var gemeinderat = Corpus.Parse("land-bw/GemO-BW_TEIL-2_Verfassung-und-Verwaltung-der-Gemeinde_ABSCHNITT-2_Gemeinderat.md");

        var chunk = Corpus.Single(gemeinderat, "§ 24 Abs. 1 GemO");

        Assert.Equal("Rechtsstellung und Aufgaben", chunk.NormTitle);
        Assert.Equal("§ 24 - Rechtsstellung und Aufgaben", chunk.HeadingPath[^1]);
        Assert.StartsWith("(1) Der Gemeinderat ist die Vertretung der Bürger und das Hauptorgan der Gemeinde.", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("ZWEITER TEIL - Verfassung und Verwaltung der Gemeinde", chunk.HeadingPath);
    }

    [Fact]
    public void GemO_MetadataBlock_GivesTheStand_AndIsNotIndexed()
    {
        var part = Corpus.Parse("land-bw/GemO-BW_TEIL-1_Wesen-und-Aufgaben-der Gemeinde.md");

        Assert.Equal("zuletzt geändert durch Artikel 13 des Gesetzes vom 18. November 2025 (GBl. 2025 Nr. 124)", part.Batch.Document.Stand);
        Assert.Equal(new DateOnly(1999, 12, 1), part.Batch.Document.ValidFrom);
        Assert.DoesNotContain(part.Batch.Chunks, c => c.Text.Contains("Gliederungs-Nr", StringComparison.Ordinal));
        Assert.Equal("§ 1 Abs. 1 GemO", part.Batch.Chunks[0].Citation.ToString());
    }

    [Fact]
    public void AmendmentWithoutDate_IsNoStand_TheTextsMaintenanceDateIs()
    {
        // "quelle: Gesetz vom 12.04.2005, zuletzt geändert" names no date: a legal officer cannot check a Stand of
        // "zuletzt geändert". The date the text was last maintained is the Stand it can be checked against.
        var part = Corpus.Parse("land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md");

        Assert.Equal("22.01.2026", part.Batch.Document.Stand);
    }

    [Fact]
    public void MaintenanceDate_IsWrittenTheGermanWay()
    {
        var part = Corpus.Parse("land-bw/RDG-BW.md");

        Assert.Equal("22.01.2026", part.Batch.Document.Stand);
    }

    [Fact]
    public void FrontMatterWithoutClosingDelimiter_IsStillRead()
    {
        // The shipped parts once came without the closing "---" before their title; the parser must still read them.
        const string path = "land-bw/GemO-BW_TEIL-4_Aufsicht.md";
        var lines = Corpus.ReadText(path).Split('\n').ToList();
        lines.RemoveAt(lines.FindIndex(1 + lines.FindIndex(l => l.Trim() == "---"), l => l.Trim() == "---"));
        var part = Corpus.Parser.Parse(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal("GemO", part.Batch.Document.Law);
        Assert.Contains(part.Warnings, w => w.Contains("nicht mit '---' abgeschlossen", StringComparison.Ordinal));
        Assert.Equal("§ 118 Abs. 1 GemO", part.Batch.Chunks[0].Citation.ToString());
    }

    [Fact]
    public void LboAnhang_ItemsAreCitedAsAnhangNr()
    {
        var anhang = Corpus.Parse("land-bw/LBO-BW_Anhang_verfahrensfreie_Vorhaben.md");

        var chunk = Corpus.Single(anhang, "LBO, Anhang Nr. 1.1");

        Assert.Equal(NormKind.Section, chunk.Citation.Kind);
        Assert.Equal("Gebäude", chunk.NormTitle);
        Assert.StartsWith("1.1 Gebäude ohne Aufenthaltsräume", chunk.Text, StringComparison.Ordinal);
        Assert.Equal("LBO", anhang.Batch.Document.Law);
        Assert.Equal("Landesbauordnung für Baden-Württemberg", anhang.Batch.Document.Title);
    }

    [Theory]
    [InlineData("land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md", "LVwVfG", "Verwaltungsverfahrensgesetz für Baden-Württemberg", "Landesverwaltungsverfahrensgesetz")]
    [InlineData("land-bw/EigBetrG - BW.md", "EigBG", "Gesetz über die Eigenbetriebe der Gemeinden", "Eigenbetriebsgesetz")]
    [InlineData("land-bw/BauGBDV-BW.md", "BauGB-DVO", "Verordnung der Landesregierung und des Ministeriums für Landesentwicklung und Wohnen zur Durchführung des Baugesetzbuchs", "Durchführungsverordnung zum Baugesetzbuch")]
    public void StateLaws_TakeTheAbbreviationFromTheTitlesBracket(string path, string law, string title, string alias)
    {
        var document = Corpus.Parse(path).Batch.Document;

        Assert.Equal(law, document.Law);
        Assert.Equal(title, document.Title);
        Assert.Contains(alias, document.Aliases);
    }

    [Fact]
    public void LVwVfG_71a_IsNormalisedFromTheSpacedHeading()
    {
        var part = Corpus.Parse("land-bw/LVwVfG-BW_TEIL-5_Besondere-Verfahrensarten.md");

        Assert.Contains(part.Batch.Chunks, c => c.Citation.Section == "71a" && c.NormTitle == "Anwendbarkeit");
    }
}
