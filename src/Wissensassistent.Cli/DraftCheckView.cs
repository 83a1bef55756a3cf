using Wissensassistent.Core.Drafts;

namespace Wissensassistent.Cli;

/// <summary>The result of <c>wissen check --json</c>: every citation and quotation of the draft, and the counts.</summary>
public sealed record DraftCheckView(
    string File,
    bool HasFindings,
    DraftCheckCounts Counts,
    IReadOnlyList<DraftCitationView> Citations,
    IReadOnlyList<DraftQuotationView> Quotations,
    IReadOnlyList<string> Notices)
{
    public static DraftCheckView From(string file, DraftCheckReport report) => new(
        file,
        report.HasFindings,
        report.Counts,
        report.Citations.Select(DraftCitationView.From).ToList(),
        report.Quotations.Select(q => DraftQuotationView.From(q, report)).ToList(),
        report.Notices);
}

/// <param name="Status">One of <c>resolved</c>, <c>notFound</c>, <c>repealed</c>, <c>displaced</c>.</param>
public sealed record DraftCitationView(
    int Line,
    string Written,
    string Citation,
    DraftCitationStatus Status,
    string StatusLabel,
    bool Found,
    bool Repealed,
    bool LawFromContext,
    string? Stand,
    string? Source,
    string? Passage,
    string? Excerpt,
    string? Message,
    IReadOnlyList<string> Suggestions,
    DraftDisplacementView? Displaced)
{
    public static DraftCitationView From(DraftCitationFinding finding) => new(
        finding.Line,
        finding.Written,
        finding.FormattedCitation,
        finding.Status,
        finding.StatusLabel,
        finding.Lookup.Found,
        finding.Lookup.IsRepealed,
        finding.LawFromContext,
        finding.Lookup.Stand,
        finding.Lookup.Source,
        finding.Lookup.Found ? string.Join("\n", finding.Lookup.Passage.Select(c => c.Text)) : null,
        finding.Excerpt,
        finding.Lookup.Message,
        finding.Lookup.Suggestions,
        finding.Displacement is { } d ? new DraftDisplacementView(d.Displaced, d.Applies, d.Parallel, d.IsStateLaw, d.Note, d.ParallelDifferences) : null);
}

/// <param name="ParallelDifferences">The parallel's words (draft side) against the cited passage's, where they differ.</param>
public sealed record DraftDisplacementView(string Law, string Applies, string? Parallel, bool StateLaw, string Note, IReadOnlyList<QuotationDifference> ParallelDifferences);

/// <param name="Status">One of <c>verbatim</c>, <c>inOtherPassage</c>, <c>altered</c>, <c>notInPassage</c>, <c>unchecked</c>, <c>noCitation</c>.</param>
public sealed record DraftQuotationView(
    int Line,
    string Text,
    DraftQuotationStatus Status,
    string Summary,
    string? Citation,
    string? FoundIn,
    string? PassageWording,
    IReadOnlyList<QuotationDifference> Differences)
{
    public static DraftQuotationView From(DraftQuotationFinding quotation, DraftCheckReport report) => new(
        quotation.Line,
        quotation.Content,
        quotation.Status,
        quotation.Summary,
        quotation.CitationIndex is { } i ? report.Citations[i].FormattedCitation : null,
        quotation.FoundIn,
        quotation.PassageWording,
        quotation.Differences);
}
