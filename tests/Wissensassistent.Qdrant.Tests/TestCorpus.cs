using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>Small documents and chunks with deterministic ids, as ingestion would produce them.</summary>
internal static class TestCorpus
{
    public static SourceDocument Document(string id, string law, Level level = Level.Bund, DocumentType type = DocumentType.Gesetz, string hash = "h1", params string[] aliases) => new()
    {
        Id = id,
        Law = law,
        Title = law + " Titel",
        Aliases = aliases,
        Level = level,
        Type = type,
        Stand = "Stand 2024",
        ContentHash = hash,
    };

    public static Chunk Chunk(
        SourceDocument document,
        string section,
        int ordinal,
        string text,
        string? absatz = null,
        bool isRepealed = false,
        DateOnly? validFrom = null,
        DateOnly? validUntil = null,
        string? normTitle = null)
    {
        var citation = new Citation(document.Law, NormKind.Paragraph, section, absatz);
        var headingPath = new[] { document.Law, $"§ {section}" };
        var searchText = $"{string.Join(" › ", headingPath)}\n{text}";
        return new Chunk
        {
            Id = ChunkId.For(document.Id, citation, ordinal),
            DocumentId = document.Id,
            Citation = citation,
            HeadingPath = headingPath,
            NormTitle = normTitle,
            Text = text,
            Ordinal = ordinal,
            IsRepealed = isRepealed,
            LawTitle = document.Title,
            Level = document.Level,
            DocumentType = document.Type,
            Stand = document.Stand,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            ContentHash = ChunkId.ContentHash(searchText),
        };
    }

    public static DocumentBatch Batch(SourceDocument document, params Chunk[] chunks) => new(document, chunks);

    public static LexicalQuery Query(params string[] terms) => new([.. terms.Select(t => new WeightedTerm(t, 1.0))]);
}
