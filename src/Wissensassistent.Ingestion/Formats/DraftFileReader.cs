using System.Globalization;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Ingestion.Decoding;

namespace Wissensassistent.Ingestion.Formats;

/// <summary>
/// Reads a draft to be checked (<see cref="DraftCitationCheck"/>) from an uploaded or named file with the corpus's own
/// decoders: text and Markdown as the corpus decodes them (UTF-8, else Windows-1252), Word and PDF through the same readers.
/// The file is read into memory only; nothing is written.
/// </summary>
public static class DraftFileReader
{
    /// <summary>A draft of a hundred pages with images stays far below this.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".docx", ".pdf"];

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="content"/>.</summary>
    /// <exception cref="DraftRejectedException">Unsupported, too large, empty or unreadable; the reason is German.</exception>
    public static async Task<string> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = ExtensionOf(fileName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(extension, buffer.ToArray());
    }

    /// <exception cref="DraftRejectedException">Unsupported, too large, empty or unreadable; the reason is German.</exception>
    public static string Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = ExtensionOf(fileName);
        if (content.LongLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (content.Length == 0)
        {
            throw new DraftRejectedException("Die Datei ist leer.");
        }

        try
        {
            return extension switch
            {
                ".docx" => DocxReader.Read(content).Markdown,
                ".pdf" => PdfReader.Read(content).Markdown,
                _ => DocumentTextDecoder.Decode(content).Text,
            };
        }
        catch (DocumentRejectedException rejected)
        {
            throw new DraftRejectedException(rejected.Reason, rejected);
        }
    }

    /// <summary>Refuses a file by its declared size, before it is transferred.</summary>
    /// <exception cref="DraftRejectedException">Larger than <see cref="MaxBytes"/>.</exception>
    public static void EnsureWithinLimit(long declaredBytes)
    {
        if (declaredBytes > MaxBytes)
        {
            throw TooLarge();
        }
    }

    /// <summary>The accepted extensions, for a file picker's <c>accept</c> attribute and for messages.</summary>
    public static string ExtensionList => string.Join(", ", Extensions);

    private static string ExtensionOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".markdown")
        {
            return ".md";
        }

        return Extensions.Contains(extension)
            ? extension
            : throw new DraftRejectedException(
                $"Das Dateiformat „{(extension.Length == 0 ? "(ohne Endung)" : extension)}“ wird nicht unterstützt; möglich sind {ExtensionList}.");
    }

    private static DraftRejectedException TooLarge() =>
        new(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Die Datei ist zu groß; geprüft werden Dateien bis {MaxBytes / 1024 / 1024} MB."));
}
