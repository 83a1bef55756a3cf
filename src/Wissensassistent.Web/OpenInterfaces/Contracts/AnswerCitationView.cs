namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>A numbered source of an answer.</summary>
/// <param name="Marker">The <c>[n]</c> in the answer text.</param>
/// <param name="Verified">True when every use of the marker passed verification (quotations found verbatim).</param>
public sealed record AnswerCitationView(int Marker, string Citation, bool Verified, IReadOnlyList<string> Quotes, PassageView Passage);
