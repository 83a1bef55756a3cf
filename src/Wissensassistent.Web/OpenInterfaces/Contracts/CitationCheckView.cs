using Wissensassistent.Core.Drafts;

namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>A text's citations and quotations, each checked against the corpus, in the order of the text.</summary>
/// <param name="HasFindings">A citation not found, repealed or displaced, or a quotation not verbatim.</param>
/// <param name="Notices">German remarks on the check itself (a limit reached).</param>
public sealed record CitationCheckView(
    bool HasFindings,
    DraftCheckCounts Counts,
    IReadOnlyList<CheckedCitationView> Citations,
    IReadOnlyList<CheckedQuotationView> Quotations,
    IReadOnlyList<string> Notices);
