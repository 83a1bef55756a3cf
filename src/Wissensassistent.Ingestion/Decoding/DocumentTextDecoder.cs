using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Wissensassistent.Ingestion.Decoding;

/// <summary>
/// Turns the bytes of a text file into a string, or rejects them. Invalid UTF-8 is read as Windows-1252 (the usual
/// encoding of files saved by older Windows tools) when the result is plausible text, with a warning; otherwise the
/// file is rejected with the offset of the first invalid byte.
/// </summary>
internal static class DocumentTextDecoder
{
    private const double MaxControlCharacterRatio = 0.01;
    private const double MinPlausibleCharacterRatio = 0.97;

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    public static DecodedText Decode(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new DocumentRejectedException("Die Datei ist leer.");
        }

        RejectForeignFormats(content);
        var warnings = new List<string>();
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content[2..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        else
        {
            if (content.IndexOf((byte)0) >= 0)
            {
                throw new DocumentRejectedException(
                    $"Die Datei enthält Binärdaten (NUL-Byte bei Offset {content.IndexOf((byte)0)}); sie ist vermutlich keine Textdatei.");
            }

            var body = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
            if (Utf8.IsValid(body))
            {
                text = Encoding.UTF8.GetString(body);
            }
            else
            {
                var offset = FirstInvalidUtf8Offset(body) + (body.Length == content.Length ? 0 : 3);
                text = Windows1252.Value.GetString(body);
                if (PlausibleRatio(text) < MinPlausibleCharacterRatio)
                {
                    throw new DocumentRejectedException(
                        $"Die Datei ist kein gültiges UTF-8 (erstes ungültiges Byte bei Offset {offset}) und auch als Windows-1252 nicht lesbar.");
                }

                warnings.Add(
                    $"Die Datei ist kein gültiges UTF-8 (erstes ungültiges Byte bei Offset {offset}); sie wurde als Windows-1252 gelesen. Bitte als UTF-8 speichern.");
            }
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentRejectedException("Die Datei enthält nur Leerraum und keinen Text.");
        }

        var controls = text.Count(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\f');
        if (controls > 0 && (double)controls / text.Length > MaxControlCharacterRatio)
        {
            throw new DocumentRejectedException(
                $"Die Datei enthält {controls} Steuerzeichen ({100.0 * controls / text.Length:0.#} %); sie ist vermutlich eine Binärdatei mit falscher Endung.");
        }

        return new DecodedText(text, warnings);
    }

    private static void RejectForeignFormats(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            throw new DocumentRejectedException("Die Datei ist eine PDF-Datei mit falscher Endung; bitte als .pdf ablegen.");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            throw new DocumentRejectedException("Die Datei ist ein ZIP-Archiv (etwa DOCX) mit falscher Endung.");
        }
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>Share of characters a German text normally consists of; mis-decoded binary falls far below.</summary>
    private static double PlausibleRatio(string text)
    {
        var plausible = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || c is '§' or '€' or '+' or '=' or '<' or '>' or '|' or '°' or '^' or '`' or '~' or '$')
            {
                plausible++;
            }
        }

        return text.Length == 0 ? 0 : (double)plausible / text.Length;
    }
}
