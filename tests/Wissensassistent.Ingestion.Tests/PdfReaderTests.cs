using Wissensassistent.Core.Citations;

namespace Wissensassistent.Ingestion.Tests;

public sealed class PdfReaderTests
{
    private readonly CorpusDocumentParser _parser = new(LawCatalog.Empty, new ChunkingOptions());

    [Fact]
    public void Pdf_TextLayer_IsOutlinedLikeAGuideline()
    {
        var pdf = TestDocuments.Pdf(
        [
            "Richtlinie Reisekosten",
            "1. Geltungsbereich",
            "1.1 Diese Richtlinie gilt fuer alle Dienstreisen der Beschaeftigten.",
            "1.2 Sie gilt nicht fuer Fortbildungen.",
            "2. Erstattung",
            "2.1 Fahrtkosten werden in Hoehe der Kosten der zweiten Klasse erstattet.",
        ]);

        var parsed = _parser.Parse("intern/Richtlinie_Reisekosten.pdf", pdf);

        Assert.Equal("Richtlinie Reisekosten", parsed.Batch.Document.Law);
        Assert.Contains(parsed.Batch.Chunks, c => c.Citation.Kind == NormKind.Item && c.Citation.Section == "1.1" && c.Text == "1.1 Diese Richtlinie gilt fuer alle Dienstreisen der Beschaeftigten.");
        Assert.Contains(parsed.Batch.Chunks, c => c.Citation.Section == "2.1" && c.Text.StartsWith("2.1 Fahrtkosten", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_WithParagraphLines_BecomesAStatute()
    {
        var pdf = TestDocuments.Pdf(
        [
            "Satzung ueber die Benutzung des Friedhofs",
            "§ 1 Widmung",
            "(1) Der Friedhof ist eine oeffentliche Einrichtung.",
            "(2) Er dient der Bestattung.",
            "§ 2 Ruhezeit",
            "Die Ruhezeit betraegt 20 Jahre.",
        ]);

        var parsed = _parser.Parse("intern/Friedhof.pdf", pdf);

        var norms = parsed.Batch.Chunks.Where(c => c.Citation.Kind == NormKind.Paragraph).ToList();
        Assert.Equal(["1|1", "1|2", "2|"], norms.Select(c => $"{c.Citation.Section}|{c.Citation.Absatz}"));
        Assert.Equal("(2) Er dient der Bestattung.", norms[1].Text);
        Assert.Equal("Widmung", norms[0].NormTitle);
    }
}
