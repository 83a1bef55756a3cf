using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Drafts;

/// <summary>One citation in a draft, where it stands and what the corpus says of it.</summary>
/// <param name="Start">Position of the whole expression in the checked text (law included).</param>
/// <param name="Written">The expression as the draft writes it: <c>§§ 48, 49 VwVfG</c> for both its citations.</param>
/// <param name="Line">The line of the draft, from 1.</param>
/// <param name="Citation">The address as read; its law taken from the context when <paramref name="LawFromContext"/>.</param>
/// <param name="LawFromContext">The draft names no law here ("§ 5 Abs. 1"); the law of the citation before it was taken.</param>
/// <param name="Lookup">The passage, its Stand and source, or why not and the nearest norms.</param>
/// <param name="Excerpt">The cited Satz of the passage, when the citation names one and the Absatz has it; else null.</param>
/// <param name="Displacement">The law does not govern for the deployment profile; null when it does.</param>
public sealed record DraftCitationFinding(
    int Start,
    int Length,
    string Written,
    int Line,
    Citation Citation,
    bool LawFromContext,
    NormLookupResult Lookup,
    string? Excerpt,
    DisplacedParallel? Displacement)
{
    public DraftCitationStatus Status =>
        !Lookup.Found ? DraftCitationStatus.NotFound
        : Lookup.IsRepealed ? DraftCitationStatus.Repealed
        : Displacement is not null ? DraftCitationStatus.Displaced
        : DraftCitationStatus.Resolved;

    /// <summary>As lawyers write it, with the law as the corpus spells it when found.</summary>
    public string FormattedCitation => Lookup.FormattedCitation ?? CitationFormatter.Format(Citation);

    /// <summary>The German label staff see for <see cref="Status"/>.</summary>
    public string StatusLabel => Status switch
    {
        DraftCitationStatus.NotFound => "nicht gefunden",
        DraftCitationStatus.Repealed => "weggefallen",
        DraftCitationStatus.Displaced => Displacement!.Label,
        _ => "gefunden",
    };
}
