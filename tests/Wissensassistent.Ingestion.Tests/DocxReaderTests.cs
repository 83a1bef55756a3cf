using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Tests;

public sealed class DocxReaderTests
{
    private readonly CorpusDocumentParser _parser = new(LawCatalog.Empty, new ChunkingOptions());

    [Fact]
    public void Docx_HeadingStylesAndListNumbering_BecomeGuidelineItems()
    {
        var docx = TestDocuments.Docx(
            b => b.Heading(1, "Dienstanweisung Beschaffung")
                .Paragraph("Stand: März 2024")
                .Heading(2, "Geltungsbereich", numberingLevel: 0)
                .Paragraph("Diese Dienstanweisung gilt für alle Ämter.", numberingLevel: 1)
                .Paragraph("Sie gilt nicht für Eigenbetriebe.", numberingLevel: 1)
                .Heading(2, "Wertgrenzen", numberingLevel: 0)
                .Paragraph("Aufträge bis 1.000 € vergibt das Fachamt.", numberingLevel: 1)
                .Paragraph("Darüber entscheidet", numberingLevel: 1)
                .Paragraph("der Bürgermeister bis 25.000 €,", numberingLevel: 2)
                .Paragraph("der Gemeinderat darüber.", numberingLevel: 2),
            title: "Dienstanweisung Beschaffung");

        var parsed = _parser.Parse("intern/DA_Beschaffung.docx", docx);

        var document = parsed.Batch.Document;
        Assert.Equal("Dienstanweisung Beschaffung", document.Law);
        Assert.Equal(Level.Intern, document.Level);
        Assert.Equal(DocumentType.Dienstanweisung, document.Type);
        Assert.Equal("März 2024", document.Stand);
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], parsed.Batch.Chunks.Select(c => c.Citation.Section));
        Assert.All(parsed.Batch.Chunks, c => Assert.Equal(NormKind.Item, c.Citation.Kind));
        var wertgrenzen = parsed.Batch.Chunks[3];
        Assert.Equal("Dienstanweisung Beschaffung, Nr. 2.2", wertgrenzen.Citation.ToString());
        Assert.Equal("Wertgrenzen", wertgrenzen.NormTitle);
        Assert.Equal("2.2 Darüber entscheidet\na) der Bürgermeister bis 25.000 €,\nb) der Gemeinderat darüber.", wertgrenzen.Text);
        Assert.Equal(["Dienstanweisung Beschaffung", "2. Wertgrenzen"], wertgrenzen.HeadingPath);
    }

    [Fact]
    public void Docx_WithParagraphHeadings_BecomesAStatuteWithAbsaetze()
    {
        var docx = TestDocuments.Docx(b => b.Heading(1, "Satzung über die Benutzung des Bürgersaals")
            .Heading(2, "§ 1 Zweck")
            .Paragraph("(1) Der Bürgersaal dient Veranstaltungen der Vereine.")
            .Paragraph("(2) Private Feiern sind ausgeschlossen.")
            .Heading(2, "§ 2 Gebühren")
            .Table(["Raum", "Gebühr"], ["Saal", "120 €"]));

        var parsed = _parser.Parse("kommune/GEM-BBO/BBO_Satzung_Buergersaal.docx", docx);

        Assert.Equal(["§ 1 Abs. 1", "§ 1 Abs. 2", "§ 2"], parsed.Batch.Chunks.Select(c => c.Citation.ToString().Replace(" " + c.Citation.Law, string.Empty, StringComparison.Ordinal)));
        Assert.Equal("| Raum | Gebühr |\n| Saal | 120 € |", parsed.Batch.Chunks[2].Text);
        Assert.Equal("Gemeinde Bad Boll", parsed.Batch.Document.Issuer);
        Assert.Equal(DocumentType.Satzung, parsed.Batch.Document.Type);
    }
}
