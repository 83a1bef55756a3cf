using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Answering;

/// <summary>A numbered source of an answer: marker <c>[n]</c>, the passage it points to, and whether the check held.</summary>
/// <param name="Marker">1-based number used in the answer text.</param>
/// <param name="Chunk">The retrieved passage, verbatim.</param>
/// <param name="Verified">True when every use of the marker passed verification.</param>
/// <param name="Quotes">Quotations the answer attributes to this source (each was found verbatim when <paramref name="Verified"/>).</param>
public sealed record AnswerCitation(int Marker, Chunk Chunk, bool Verified, IReadOnlyList<string> Quotes);
