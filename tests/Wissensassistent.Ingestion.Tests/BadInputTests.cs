using System.IO.Compression;
using System.Text;

namespace Wissensassistent.Ingestion.Tests;

public sealed class BadInputTests
{
    private readonly CorpusDocumentParser _parser = new(LawCatalog.Empty, new ChunkingOptions());

    [Fact]
    public void EmptyFile_IsRejected()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("kommune/GEM-BBO/leer.md", []));

        Assert.Contains("leer", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhitespaceOnly_IsRejected()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/leer.md", Encoding.UTF8.GetBytes(" \n\t\r\n  \n")));

        Assert.Contains("Leerraum", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryRenamedToMarkdown_IsRejectedForItsNulBytes()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/bild.md", bytes));

        Assert.Contains("NUL-Byte", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharacters_AreRejected()
    {
        var text = string.Concat(Enumerable.Repeat("Text\u0001\u0002\u0003\u0004 ", 50));

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/steuer.md", Encoding.UTF8.GetBytes(text)));

        Assert.Contains("Steuerzeichen", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1252Text_IsReadWithAWarning()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "# Dienstanweisung Kasse\n\n## § 1 Geltungsbereich\n\nDiese Dienstanweisung gilt für alle Bediensteten der Gemeindekasse. Barzahlungen über 500 € sind zu prüfen.\n";
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);

        var parsed = _parser.Parse("intern/Dienstanweisung_Kasse.md", bytes);

        var warning = Assert.Single(parsed.Warnings);
        Assert.Contains("Windows-1252", warning, StringComparison.Ordinal);
        Assert.Contains($"Offset {text.IndexOf('§', StringComparison.Ordinal)}", warning, StringComparison.Ordinal);
        var chunk = Assert.Single(parsed.Batch.Chunks);
        Assert.Contains("gilt für alle Bediensteten", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("500 €", chunk.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kommune/Satzung_ohne_Ordner.md", "Die Datei liegt in keinem Herausgeber-Ordner unter „kommune/“ (bekannt: „GEM-BBO“, „LKR-GP“, „GVV_Raum_Bad_Boll“); Herausgeber „Kommune“ angenommen.")]
    [InlineData("kommune/Stadt-X/Satzung.md", "Unbekannter Herausgeber-Ordner „Stadt-X“ (bekannt: „GEM-BBO“, „LKR-GP“, „GVV_Raum_Bad_Boll“); Herausgeber „Stadt-X“ angenommen.")]
    public void BylawOutsideAKnownIssuerFolder_IsReadWithAWarningThatNamesTheFolders(string path, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes("# Satzung über die Benutzung der Halle\n\n## § 1 Zweck\n\n(1) Die Halle dient dem Sport.\n");

        var parsed = _parser.Parse(path, bytes);

        Assert.Equal(expected, Assert.Single(parsed.Warnings));
        Assert.Single(parsed.Batch.Chunks);
    }

    [Fact]
    public void InvalidUtf8ThatIsNoText_IsRejectedWithTheByteOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("# Titel\n\nText ").Concat(Enumerable.Range(0, 200).Select(i => (byte)(0x80 + (i % 32)))).ToArray();

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/kaputt.md", bytes));

        Assert.Contains("kein gültiges UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Offset 14", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxThatIsNoZip_IsRejected()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/brief.docx", Encoding.UTF8.GetBytes("Das ist kein Word-Dokument.")));

        Assert.Contains("kein ZIP-Archiv", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxThatIsACorruptZip_IsRejected()
    {
        var valid = TestDocuments.Docx(b => b.Heading(1, "Dienstanweisung").Paragraph("Text."));
        var truncated = valid[..(valid.Length / 2)];

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/kaputt.docx", truncated));

        Assert.Contains("DOCX", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipWithoutWordContent_IsRejected()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("kein Word");
        }

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/archiv.docx", stream.ToArray()));

        Assert.Contains("DOCX", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPdf_IsRejected()
    {
        var valid = TestDocuments.Pdf(["Richtlinie Reisekosten", "1. Geltungsbereich der Richtlinie fuer alle Dienstreisen."]);

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/reise.pdf", valid[..(valid.Length * 2 / 3)]));

        Assert.Contains("unvollständig", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptPdf_IsRejected()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage garbage\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/kaputt.pdf", bytes));

        Assert.Contains("PDF", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfWithoutTextLayer_IsRejected()
    {
        var scan = TestDocuments.PdfWithoutText();

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/scan.pdf", scan));

        Assert.Contains("keine Textebene", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNoPdf_IsRejected()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/text.pdf", Encoding.UTF8.GetBytes("Nur Text %%EOF")));

        Assert.Contains("keine PDF-Datei", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intern/tabelle.xlsx")]
    [InlineData("intern/ohne_endung")]
    public void UnsupportedExtension_IsRejected(string path)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse(path, Encoding.UTF8.GetBytes("Inhalt")));

        Assert.Contains("nicht unterstützt", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownWithOnlyMetadata_IsRejected()
    {
        var text = "---\ntitel: Leere Satzung\ngueltigkeit: Gemeinde Bad Boll\n---\n\n# GEMEINDE BAD BOLL\n\n**Stand:** Januar 2025\n";

        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("kommune/GEM-BBO/BBO_Satzung_Leer.md", Encoding.UTF8.GetBytes(text)));

        Assert.Contains("keinen verwertbaren Text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfRenamedToMarkdown_IsRejectedWithAHint()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => _parser.Parse("intern/dokument.md", TestDocuments.Pdf(["Text auf der Seite."])));

        Assert.Contains("PDF-Datei mit falscher Endung", error.Reason, StringComparison.Ordinal);
    }
}
