namespace Wissensassistent.Core.Drafts;

/// <summary>One quotation in a draft („…“ or "…") and how it compares with the passage its citation names.</summary>
/// <param name="Content">The quoted words, without the marks.</param>
/// <param name="Line">The line of the draft, from 1.</param>
/// <param name="CitationIndex">Index into <see cref="DraftCheckReport.Citations"/> of the citation it belongs to; null when none is near.</param>
/// <param name="FoundIn">Where it occurs verbatim (<c>§ 35 Abs. 2 BauGB</c>) when <see cref="DraftQuotationStatus.Verbatim"/> or <see cref="DraftQuotationStatus.InOtherPassage"/>.</param>
/// <param name="PassageWording">For an altered quotation: the passage's own wording of the quoted stretch.</param>
/// <param name="Differences">For an altered quotation: the changed words, in order.</param>
public sealed record DraftQuotationFinding(
    int Start,
    int Length,
    string Content,
    int Line,
    int? CitationIndex,
    DraftQuotationStatus Status,
    string? FoundIn,
    string? PassageWording,
    IReadOnlyList<QuotationDifference> Differences)
{
    public bool IsVerbatim => Status == DraftQuotationStatus.Verbatim;

    /// <summary>The finding in one German sentence.</summary>
    public string Summary => Status switch
    {
        DraftQuotationStatus.Verbatim => $"wörtlich in {FoundIn}",
        DraftQuotationStatus.InOtherPassage => $"wörtlich in {FoundIn}, nicht in der zitierten Stelle",
        DraftQuotationStatus.Altered => "Zitat abweichend: " + string.Join("; ", Differences.Select(d => d.Describe())),
        DraftQuotationStatus.NotInPassage => "steht nicht in der zitierten Stelle",
        DraftQuotationStatus.Unchecked => "nicht prüfbar: die Fundstelle ist nicht im Bestand",
        _ => "keine Fundstelle in der Nähe: nicht geprüft",
    };
}
