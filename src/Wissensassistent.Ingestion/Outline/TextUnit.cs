using Wissensassistent.Core.Citations;

namespace Wissensassistent.Ingestion.Outline;

/// <summary>
/// The smallest citable passage before the token budget is applied: one Absatz of a norm, a norm without Absätze,
/// one guideline item, or the text under a plain heading. Law is not known yet; it is added when chunks are built.
/// </summary>
/// <param name="Headings">Structural headings from the top down to the norm's own heading (as displayed).</param>
/// <param name="NormIndex">Position of the norm in the document; units of one norm share it.</param>
internal sealed record TextUnit(
    NormKind Kind,
    string Section,
    string? Absatz,
    IReadOnlyList<string> Headings,
    string? NormTitle,
    IReadOnlyList<TextBlock> Blocks,
    bool IsRepealed,
    int NormIndex);
