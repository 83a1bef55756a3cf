using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>Builds DOCX and PDF files in memory, the way Word and a PDF printer would write them.</summary>
internal static class TestDocuments
{
    public static byte[] Docx(Action<DocxContent> build, string? title = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddHeadingStyles(main);
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1.%2" }) { LevelIndex = 1 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%3)" }) { LevelIndex = 2 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            build(new DocxContent(main.Document.Body!));
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }
        }

        return stream.ToArray();
    }

    public static byte[] Pdf(IReadOnlyList<string> lines)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PdfPageSize.A4);
        var y = 800.0;
        foreach (var line in lines)
        {
            page.AddText(line, 10, new PdfPoint(50, y), font);
            y -= 16;
        }

        return builder.Build();
    }

    public static byte[] PdfWithoutText()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2);
        return builder.Build();
    }

    private static void AddHeadingStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "berschrift1" },
            new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "berschrift2" },
            new Style(new StyleName { Val = "heading 3" }) { Type = StyleValues.Paragraph, StyleId = "Heading3" });
    }

    public sealed class DocxContent(Body body)
    {
        public DocxContent Heading(int level, string text, int? numberingLevel = null)
        {
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = level == 3 ? "Heading3" : $"berschrift{level}" });
            if (numberingLevel is { } ilvl)
            {
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = ilvl }, new NumberingId { Val = 1 }));
            }

            body.Append(new Paragraph(properties, new Run(new Text(text))));
            return this;
        }

        public DocxContent Paragraph(string text, int? numberingLevel = null)
        {
            var paragraph = new Paragraph();
            if (numberingLevel is { } ilvl)
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = ilvl }, new NumberingId { Val = 1 })));
            }

            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(paragraph);
            return this;
        }

        public DocxContent Table(params string[][] rows)
        {
            var table = new Table();
            foreach (var row in rows)
            {
                table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
            }

            body.Append(table);
            return this;
        }
    }
}
