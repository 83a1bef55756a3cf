namespace Wissensassistent.Core.Drafts;

/// <summary>Every citation and every quotation of a draft, each checked against the corpus, in the order of the draft.</summary>
/// <param name="Notices">German remarks on the check itself (a law taken from the context, a limit reached).</param>
public sealed record DraftCheckReport(
    IReadOnlyList<DraftCitationFinding> Citations,
    IReadOnlyList<DraftQuotationFinding> Quotations,
    IReadOnlyList<string> Notices)
{
    public int Count(DraftCitationStatus status) => Citations.Count(c => c.Status == status);

    public int VerbatimQuotations => Quotations.Count(q => q.IsVerbatim);

    /// <summary>Quotations that were compared and are not verbatim in the cited passage.</summary>
    public int DeviatingQuotations => Quotations.Count(q => q.Status is DraftQuotationStatus.Altered or DraftQuotationStatus.NotInPassage or DraftQuotationStatus.InOtherPassage);

    public DraftCheckCounts Counts => new(
        Citations.Count,
        Count(DraftCitationStatus.Resolved),
        Count(DraftCitationStatus.NotFound),
        Count(DraftCitationStatus.Repealed),
        Count(DraftCitationStatus.Displaced),
        Quotations.Count,
        VerbatimQuotations,
        DeviatingQuotations);

    /// <summary>Something for the writer to look at: a citation not resolved, repealed or displaced, or a quotation not verbatim.</summary>
    public bool HasFindings =>
        Citations.Any(c => c.Status != DraftCitationStatus.Resolved) || Quotations.Any(q => q.Status is not (DraftQuotationStatus.Verbatim or DraftQuotationStatus.NoCitation));
}
