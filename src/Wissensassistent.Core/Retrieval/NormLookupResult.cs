using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Retrieval;

/// <summary>One address looked up: exactly the cited passage, or why not and what lies nearest.</summary>
/// <param name="Citation">The address as read, its law spelt as the corpus spells it when found; null when unreadable.</param>
/// <param name="Passage">The cited Absatz (and Nummer) or the whole norm, verbatim, in document order; empty unless found.</param>
/// <param name="Message">A German sentence for every outcome but <see cref="NormLookupOutcome.Found"/>; null then.</param>
/// <param name="Suggestions">Nearest law names or norms (formatted citations) when not found.</param>
public sealed record NormLookupResult(
    NormLookupOutcome Outcome,
    Citation? Citation,
    IReadOnlyList<Chunk> Passage,
    string? Message,
    IReadOnlyList<string> Suggestions)
{
    public bool Found => Outcome == NormLookupOutcome.Found;

    /// <summary>True when any part of the passage is repealed ("weggefallen").</summary>
    public bool IsRepealed => Passage.Any(c => c.IsRepealed);

    public string? Stand => Passage.Count > 0 ? Passage[0].Stand : null;

    /// <summary>The source file below the corpus (<c>bund/baugb.md</c>).</summary>
    public string? Source => Passage.Count > 0 ? Passage[0].DocumentId : null;

    /// <summary>The address as lawyers write it, with the law as the corpus spells it.</summary>
    public string? FormattedCitation => Citation is null ? null : CitationFormatter.Format(Citation);
}
