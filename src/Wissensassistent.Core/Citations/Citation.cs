namespace Wissensassistent.Core.Citations;

/// <summary>
/// A legal address as data: <c>§ 35 Abs. 1 Satz 2 Nr. 4 Buchst. a BauGB</c>.
/// <see cref="CitationFormatter"/> writes it the way lawyers do; <see cref="CitationParser"/> reads what people type.
/// </summary>
/// <param name="Law">The abbreviation people cite (<c>BauGB</c>) or a guideline's short name.</param>
/// <param name="Kind">§, Art., a guideline number, or a plain heading.</param>
/// <param name="Section">The bare designation: <c>35</c>, <c>573b</c>, <c>20</c>, <c>2.1</c>; for <see cref="NormKind.Section"/> the heading.</param>
/// <param name="Absatz">The Absatz (<c>1</c>, <c>2a</c>) or null.</param>
/// <param name="Satz">The Satz or null.</param>
/// <param name="Nummer">The numbered item (<c>4</c>) or null.</param>
/// <param name="Buchstabe">The lettered item (<c>a</c>) or null.</param>
public sealed record Citation(
    string Law,
    NormKind Kind,
    string Section,
    string? Absatz = null,
    int? Satz = null,
    string? Nummer = null,
    string? Buchstabe = null)
{
    /// <summary>The norm this citation belongs to, without Absatz and below.</summary>
    public Citation Norm => this with { Absatz = null, Satz = null, Nummer = null, Buchstabe = null };

    /// <summary>A key that identifies the norm regardless of case: <c>baugb|§|35</c>.</summary>
    public string NormKey => NormKeyOf(Law, Section);

    public static string NormKeyOf(string law, string section) =>
        $"{law.Trim().ToLowerInvariant()}|{section.Trim().ToLowerInvariant()}";

    public override string ToString() => CitationFormatter.Format(this);
}
