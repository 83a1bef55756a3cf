using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli;

/// <summary>One search hit as the CLI's JSON shows it.</summary>
public sealed record HitView(int Rank, double Score, string ChunkId, string Citation, string Law, string Section, string? Paragraph, string Heading, string Source, string Text)
{
    public static HitView From(SearchHit hit) => new(
        hit.Rank,
        Math.Round(hit.Score, 6),
        hit.Chunk.Id,
        CitationFormatter.Format(hit.Chunk.Citation),
        hit.Chunk.Citation.Law,
        hit.Chunk.Citation.Section,
        hit.Chunk.Citation.Absatz,
        hit.Chunk.HeadingPathText,
        hit.Chunk.DocumentId,
        hit.Chunk.Text);
}
