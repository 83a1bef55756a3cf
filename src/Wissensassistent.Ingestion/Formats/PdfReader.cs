using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Wissensassistent.Ingestion.Formats;

/// <summary>
/// Reads the text layer of a PDF page by page (PdfPig) and outlines it like plain text. Scans without a text layer
/// and truncated or corrupt files are rejected: guessing at them would index garbage.
/// </summary>
internal static class PdfReader
{
    private const int MinLetters = 20;
    private const int TailWindow = 1024;

    public static ConvertedDocument Read(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, TailWindow));
        if (head.IndexOf("%PDF-"u8) < 0)
        {
            throw new DocumentRejectedException("Die Datei ist keine PDF-Datei (Kennung %PDF- fehlt).");
        }

        // Every complete PDF ends with %%EOF; without it the file was cut off during copy or upload.
        var tail = content.AsSpan(Math.Max(0, content.Length - TailWindow));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            throw new DocumentRejectedException("Die PDF-Datei ist unvollständig (abgeschnitten: das Dateiende %%EOF fehlt).");
        }

        var text = new StringBuilder();
        string? title;
        try
        {
            using var document = PdfDocument.Open(content);
            title = document.Information.Title;
            foreach (var page in document.GetPages())
            {
                text.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
            }
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // PdfPig signals damage with many exception types; for the corpus they all mean "unreadable".
            throw new DocumentRejectedException($"Die PDF-Datei ist beschädigt und kann nicht gelesen werden ({ex.GetType().Name}).", ex);
        }

        var letters = text.ToString().Count(char.IsLetter);
        if (letters < MinLetters)
        {
            throw new DocumentRejectedException("Die PDF-Datei enthält keine Textebene (vermutlich ein Scan); bitte mit Texterkennung (OCR) umwandeln.");
        }

        return new ConvertedDocument(PlainTextOutliner.ToMarkdown(text.ToString()), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }
}
