namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>One quotation of the checked text („…“ or "…").</summary>
/// <param name="Status"><c>Verbatim</c>, <c>InOtherPassage</c>, <c>Altered</c>, <c>NotInPassage</c>, <c>Unchecked</c> (citation not found) or <c>NoCitation</c>.</param>
/// <param name="Summary">The finding in German: „wörtlich in § 35 Abs. 2 BauGB“, „Zitat abweichend: „stets“ statt „nur““.</param>
/// <param name="Citation">The citation it was checked against; null when none stands near it.</param>
/// <param name="FoundIn">Where it occurs verbatim.</param>
/// <param name="PassageWording">For an altered quotation: the passage's own wording.</param>
/// <param name="Differences">For an altered quotation: the changed words, the text's against the passage's.</param>
public sealed record CheckedQuotationView(
    int Line,
    string Text,
    string Status,
    string Summary,
    string? Citation,
    string? FoundIn,
    string? PassageWording,
    IReadOnlyList<QuotationDifferenceView> Differences);
