namespace Wissensassistent.Core.Citations;

/// <summary>One designation found by <see cref="NormReferenceScanner"/>, without its law.</summary>
/// <param name="SectionToken">Index of the lexer token that carries the section number.</param>
internal sealed record NormReferenceItem(
    NormKind Kind,
    string Section,
    int SectionToken,
    string? Absatz = null,
    int? Satz = null,
    string? Nummer = null,
    string? Buchstabe = null)
{
    public Citation ToCitation(string law) => new(law, Kind, Section, Absatz, Satz, Nummer, Buchstabe);
}

/// <summary>A § or Art. expression such as <c>§§ 48, 49 Abs. 1</c>: its items and the tokens it covers.</summary>
/// <param name="EndToken">Index of the first token after the expression.</param>
internal sealed record NormReference(IReadOnlyList<NormReferenceItem> Items, int StartToken, int EndToken, bool HasMarker);
