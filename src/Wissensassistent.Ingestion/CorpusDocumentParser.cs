using System.Collections.Frozen;
using System.Security.Cryptography;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Chunking;
using Wissensassistent.Ingestion.Decoding;
using Wissensassistent.Ingestion.Formats;
using Wissensassistent.Ingestion.Metadata;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Ingestion;

/// <summary>
/// Reads one corpus file into a <see cref="DocumentBatch"/>: the document and its chunks (one per Absatz or item,
/// split further only above the token budget). The top folder decides the family: <c>bund</c>, <c>land-bw</c>,
/// <c>kommune</c>; anything else is internal material. Thread-safe.
/// </summary>
public sealed class CorpusDocumentParser
{
    private static readonly FrozenSet<string> Extensions =
        new[] { ".md", ".markdown", ".txt", ".docx", ".pdf" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly FederalStatuteParser _federal;
    private readonly StateLawParser _state = new();
    private readonly MunicipalLawParser _municipal = new();
    private readonly Chunker _chunker;

    public CorpusDocumentParser(LawCatalog catalog, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1);
        _federal = new FederalStatuteParser(catalog);
        _chunker = new Chunker(options.MaxTokens);
    }

    public static IReadOnlySet<string> SupportedExtensions => Extensions;

    /// <summary>The level a corpus path belongs to: <c>bund/</c> → Bund, <c>land-…/</c> → Land, <c>kommune/</c> → Kommune, else Intern.</summary>
    public static Level LevelOf(string relativePath)
    {
        var top = NormalizePath(relativePath).Split('/')[0].ToLowerInvariant();
        return top switch
        {
            "bund" => Level.Bund,
            "kommune" => Level.Kommune,
            _ when top.StartsWith("land", StringComparison.Ordinal) => Level.Land,
            _ => Level.Intern,
        };
    }

    /// <summary>
    /// Parses a file. <paramref name="relativePath"/> is relative to the corpus root (forward slashes) and becomes the
    /// document id. Throws <see cref="DocumentRejectedException"/> (German reason) for content that cannot be ingested.
    /// </summary>
    public ParsedDocument Parse(string relativePath, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        var path = NormalizePath(relativePath);
        var extension = Path.GetExtension(path);
        if (!Extensions.Contains(extension))
        {
            throw new DocumentRejectedException(
                $"Das Dateiformat '{(extension.Length == 0 ? "(ohne Endung)" : extension)}' wird nicht unterstützt; unterstützt sind {string.Join(", ", Extensions.Order())}.");
        }

        if (content.Length == 0)
        {
            throw new DocumentRejectedException("Die Datei ist leer.");
        }

        try
        {
            return ParseSupported(path, extension.ToLowerInvariant(), content);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The contract promises only rejections for bad content; an unexpected failure is reported as one.
            throw new DocumentRejectedException($"Die Datei konnte nicht verarbeitet werden ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private ParsedDocument ParseSupported(string path, string extension, byte[] content)
    {
        var warnings = new List<string>();

        // An uploaded document is read like one at the same place in the shipped corpus.
        var within = CorpusRoots.WithinRoot(path);
        var source = extension switch
        {
            ".docx" => FromConverted(within, DocxReader.Read(content)),
            ".pdf" => FromConverted(within, PdfReader.Read(content)),
            _ => FromText(within, extension, content, warnings),
        };

        var level = LevelOf(within);
        IDocumentFamilyParser parser = level switch
        {
            Level.Bund => _federal,
            Level.Land => _state,
            Level.Kommune => _municipal,
            _ => new GuidelineParser(level),
        };

        var structure = parser.Parse(source, warnings);
        if (structure.Units.Count == 0)
        {
            throw new DocumentRejectedException("Das Dokument enthält keinen verwertbaren Text (nur Metadaten oder Überschriften).");
        }

        var description = structure.Description;
        var document = new SourceDocument
        {
            Id = path,
            Law = description.Law,
            Title = description.Title,
            Aliases = description.Aliases,
            Level = description.Level,
            Type = description.Type,
            Stand = description.Stand,
            ValidFrom = description.ValidFrom,
            ValidUntil = description.ValidUntil,
            Issuer = description.Issuer,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        var chunks = ChunkBuilder.Build(document, structure.Units, _chunker);
        return new ParsedDocument(new DocumentBatch(document, chunks), warnings);
    }

    private static DocumentSource FromText(string path, string extension, byte[] content, List<string> warnings)
    {
        var decoded = DocumentTextDecoder.Decode(content);
        warnings.AddRange(decoded.Warnings);
        var markdown = extension == ".txt" ? PlainTextOutliner.ToMarkdown(decoded.Text) : decoded.Text;
        return new DocumentSource(path, markdown, null, HasFrontMatter: extension != ".txt");
    }

    private static DocumentSource FromConverted(string path, ConvertedDocument converted) =>
        new(path, converted.Markdown, converted.Title, HasFrontMatter: false);

    private static string NormalizePath(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim();
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/');
    }
}
