namespace Wissensassistent.Core.Text;

/// <summary>One index term with where it came from.</summary>
/// <param name="Term">The term as indexed.</param>
/// <param name="Position">Word position; a compound's parts, a hyphenated word's pieces and a law name's term share the position of their word.</param>
/// <param name="Start">Start of the surface form in the analysed text (after Unicode NFC, which leaves NFC input unchanged).</param>
/// <param name="Length">Length of the surface form.</param>
/// <param name="Kind">Word, compound part, number, norm or law.</param>
public readonly record struct AnalyzedToken(string Term, int Position, int Start, int Length, TokenKind Kind);
