using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Wissensassistent.Ingestion.Formats;

/// <summary>
/// Reads a Word document into Markdown: heading styles (Überschrift 1…/Heading 1…, outline levels) become headings,
/// list numbering is rendered the way Word shows it (<c>2.</c>, <c>2.1</c>, <c>a)</c>) so that guideline numbers
/// survive, tables become pipe tables.
/// </summary>
internal static partial class DocxReader
{
    public static ConvertedDocument Read(byte[] content)
    {
        if (content.Length < 4 || content[0] != 0x50 || content[1] != 0x4B)
        {
            throw new DocumentRejectedException("Die DOCX-Datei ist kein ZIP-Archiv und damit kein Word-Dokument (beschädigt oder falsche Endung).");
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("Die DOCX-Datei enthält keinen Dokumentkörper.");
            var styles = document.MainDocumentPart!.StyleDefinitionsPart?.Styles;
            var numbering = new NumberingRenderer(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering);
            var markdown = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        AppendParagraph(markdown, paragraph, styles, numbering);
                        break;
                    case Table table:
                        AppendTable(markdown, table);
                        break;
                }
            }

            var title = document.PackageProperties.Title;
            return new ConvertedDocument(markdown.ToString(), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new DocumentRejectedException($"Die DOCX-Datei ist beschädigt und kann nicht gelesen werden ({ex.GetType().Name}).", ex);
        }
    }

    private static void AppendParagraph(StringBuilder markdown, Paragraph paragraph, Styles? styles, NumberingRenderer numbering)
    {
        var text = TextOf(paragraph);
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var level = HeadingLevel(paragraph, styleId, styles);
        var label = numbering.Label(paragraph, styleId, styles);
        if (text.Length == 0)
        {
            return;
        }

        if (label is "-")
        {
            markdown.Append("- ").Append(text).Append("\n\n");
            return;
        }

        var line = label is null ? text : $"{label} {text}";
        level ??= PlainTextOutliner.HeadingLevel(line);
        if (level is { } headingLevel)
        {
            markdown.Append('#', Math.Clamp(headingLevel, 1, 6)).Append(' ').Append(line).Append("\n\n");
        }
        else
        {
            markdown.Append(line).Append("\n\n");
        }
    }

    private static void AppendTable(StringBuilder markdown, Table table)
    {
        var first = true;
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(TextOf)).Replace("|", "/", StringComparison.Ordinal)).ToList();
            markdown.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            if (first)
            {
                markdown.Append('|').Append(string.Concat(cells.Select(_ => "---|"))).Append('\n');
                first = false;
            }
        }

        markdown.Append('\n');
    }

    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static int? HeadingLevel(Paragraph paragraph, string? styleId, Styles? styles)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        if (styleId is null)
        {
            return null;
        }

        var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
        foreach (var name in new[] { styleId, style?.StyleName?.Val?.Value })
        {
            if (name is null)
            {
                continue;
            }

            if (TitleStyle().IsMatch(name))
            {
                return 1;
            }

            var heading = HeadingStyle().Match(name);
            if (heading.Success)
            {
                return int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } styleOutline && styleOutline < 9 ? styleOutline + 1 : null;
    }

    [GeneratedRegex(@"^(?:heading|berschrift|überschrift)\s*(\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    [GeneratedRegex(@"^(title|titel)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStyle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
