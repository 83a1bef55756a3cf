namespace Wissensassistent.Core.Citations;

/// <summary>A citation found in free text by <see cref="CitationParser.FindAll"/>.</summary>
/// <param name="Citation">The address; <see cref="Citation.Law"/> is empty when the text names no law ("§ 5 Abs. 1").</param>
/// <param name="Start">Start of the whole expression in the text, law included (<c>§§ 48, 49 VwVfG</c> for both its citations).</param>
/// <param name="Length">Length of the expression.</param>
/// <param name="IsLawResolved">
/// The law was recognised by the <see cref="LawNameResolver"/> and <see cref="Citation.Law"/> is its canonical
/// abbreviation; false when the law is kept as written (<c>BauGB</c> without a resolver) or missing.
/// </param>
public sealed record CitationMatch(Citation Citation, int Start, int Length, bool IsLawResolved)
{
    public int End => Start + Length;

    public bool HasLaw => Citation.Law.Length > 0;
}
