namespace Wissensassistent.Core.Drafts;

/// <summary>A quotation set against the passage it departs from.</summary>
/// <param name="PassageWording">The stretch of the passage the quotation was taken from, as the passage has it.</param>
/// <param name="Differences">Where the quotation's words differ, in order.</param>
/// <param name="SharedWords">Share of the quotation's words that occur in the passage in order, 0 to 1.</param>
public sealed record QuotationComparisonResult(string PassageWording, IReadOnlyList<QuotationDifference> Differences, double SharedWords);
