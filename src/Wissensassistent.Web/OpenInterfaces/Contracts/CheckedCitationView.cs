namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>One citation of the checked text.</summary>
/// <param name="Line">Line of the text, from 1.</param>
/// <param name="Written">The expression as the text writes it.</param>
/// <param name="Citation">As lawyers cite it, with the law as the corpus spells it.</param>
/// <param name="Status"><c>Resolved</c>, <c>NotFound</c>, <c>Repealed</c> or <c>Displaced</c>.</param>
/// <param name="StatusLabel">German: „gefunden“, „nicht gefunden“, „weggefallen“, „verdrängt durch Landesrecht (LVwVfG)“.</param>
/// <param name="LawFromContext">The text names no law here; the law of the citation before it was taken.</param>
/// <param name="Passages">The cited passage verbatim; empty when not found.</param>
/// <param name="Excerpt">The cited Satz, when the citation names one.</param>
/// <param name="Message">German reason when not found.</param>
/// <param name="Suggestions">Nearest laws or norms when not found.</param>
/// <param name="Displaced">The law that governs instead, when the deployment profile's applicable-law table displaces this one.</param>
public sealed record CheckedCitationView(
    int Line,
    string Written,
    string Citation,
    string Status,
    string StatusLabel,
    bool Found,
    bool Repealed,
    bool LawFromContext,
    string? Stand,
    string? Source,
    IReadOnlyList<PassageView> Passages,
    string? Excerpt,
    string? Message,
    IReadOnlyList<string> Suggestions,
    DisplacementView? Displaced);
