using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;

namespace Wissensassistent.Core.Chunks;

/// <summary>
/// The unit of retrieval: normally one Absatz of one norm, verbatim. Document metadata is copied in so
/// that a hit can be shown, cited and filtered without a second lookup (Qdrant keeps it as payload).
/// </summary>
public sealed record Chunk
{
    /// <summary>Deterministic id from source, citation and ordinal (<see cref="ChunkId"/>): re-ingesting updates, never duplicates.</summary>
    public required string Id { get; init; }

    /// <summary>The <see cref="SourceDocument.Id"/> (path relative to the corpus).</summary>
    public required string DocumentId { get; init; }

    /// <summary>The most precise address the passage covers (<c>§ 35 Abs. 1 BauGB</c>).</summary>
    public required Citation Citation { get; init; }

    /// <summary>Law, then the headings down to the norm: <c>BauGB › Erstes Kapitel … › § 35 Bauen im Außenbereich</c>.</summary>
    public required IReadOnlyList<string> HeadingPath { get; init; }

    /// <summary>The norm's own title (<c>Bauen im Außenbereich</c>), if it has one.</summary>
    public string? NormTitle { get; init; }

    /// <summary>The passage exactly as the source has it (line breaks folded, nothing else changed).</summary>
    public required string Text { get; init; }

    /// <summary>Position of the chunk within its document, from 0; neighbours are ordinals ± n.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Position among the parts of one unit that was split for the token budget, from 0.</summary>
    public int Part { get; init; }

    /// <summary>"(weggefallen)": kept so that the address resolves, never offered as content.</summary>
    public bool IsRepealed { get; init; }

    public required string LawTitle { get; init; }

    public required Level Level { get; init; }

    public required DocumentType DocumentType { get; init; }

    public string? Stand { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidUntil { get; init; }

    /// <summary>The references inside <see cref="Text"/>, resolved at ingestion, in order of appearance.</summary>
    public IReadOnlyList<CrossReference> References { get; init; } = [];

    /// <summary>The document's access groups (<see cref="SourceDocument.AccessGroups"/>); empty: public within the administration.</summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];

    /// <summary>SHA-256 of <see cref="SearchText"/>: embeddings are cached under it.</summary>
    public required string ContentHash { get; init; }

    /// <summary>What search and embedding see: the heading path, then the text.</summary>
    public string SearchText => $"{string.Join(" › ", HeadingPath)}\n{Text}";

    public string HeadingPathText => string.Join(" › ", HeadingPath);
}
