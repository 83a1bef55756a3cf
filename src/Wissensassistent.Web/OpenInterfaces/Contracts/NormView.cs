namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>One looked-up address: exactly the cited passage, or why not and the nearest norms.</summary>
/// <param name="Outcome"><c>Found</c>, <c>UnknownLaw</c>, <c>UnknownNorm</c>, <c>UnknownAbsatz</c> or <c>Unreadable</c>.</param>
/// <param name="Message">German explanation when not found.</param>
/// <param name="Suggestions">Nearest laws or norms when not found.</param>
public sealed record NormView(
    bool Found,
    string Outcome,
    string? Citation,
    string? Stand,
    string? Source,
    bool Repealed,
    IReadOnlyList<PassageView> Passages,
    string? Message,
    IReadOnlyList<string> Suggestions);
