using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Ingestion.Outline;

namespace Wissensassistent.Ingestion.Chunking;

/// <summary>Turns the units of a document into <see cref="Chunk"/>s: citation, heading path, deterministic id and hash.</summary>
internal static class ChunkBuilder
{
    public static IReadOnlyList<Chunk> Build(SourceDocument document, IReadOnlyList<TextUnit> units, Chunker chunker)
    {
        var chunks = new List<Chunk>();
        foreach (var unit in units)
        {
            var parts = unit.IsRepealed
                ? [new ChunkPart(string.Join('\n', unit.Blocks.Select(b => b.Text)), 0, null)]
                : chunker.Split(unit.Blocks);
            IReadOnlyList<string> headingPath = [document.Law, .. unit.Headings];
            foreach (var part in parts)
            {
                var citation = new Citation(document.Law, unit.Kind, unit.Section, unit.Absatz, Nummer: part.Nummer);
                var ordinal = chunks.Count;
                var chunk = new Chunk
                {
                    Id = ChunkId.For(document.Id, citation, ordinal),
                    DocumentId = document.Id,
                    Citation = citation,
                    HeadingPath = headingPath,
                    NormTitle = unit.NormTitle,
                    Text = part.Text,
                    Ordinal = ordinal,
                    Part = part.Part,
                    IsRepealed = unit.IsRepealed,
                    LawTitle = document.Title,
                    Level = document.Level,
                    DocumentType = document.Type,
                    Stand = document.Stand,
                    ValidFrom = document.ValidFrom,
                    ValidUntil = document.ValidUntil,
                    ContentHash = string.Empty,
                };
                chunks.Add(chunk with { ContentHash = ChunkId.ContentHash(chunk.SearchText) });
            }
        }

        return chunks;
    }
}
