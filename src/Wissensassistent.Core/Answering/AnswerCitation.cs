using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>A numbered source of an answer: marker <c>[n]</c>, the passage it points to, and whether the check held.</summary>
/// <param name="Marker">1-based number used in the answer text.</param>
/// <param name="Chunk">The retrieved passage, verbatim.</param>
/// <param name="Verified">True when every use of the marker passed verification.</param>
/// <param name="Quotes">Quotations the answer attributes to this source (each was found verbatim when <paramref name="Verified"/>).</param>
public sealed record AnswerCitation(int Marker, Chunk Chunk, bool Verified, IReadOnlyList<string> Quotes)
{
    /// <summary>
    /// A more precise address than the passage's own when every verified quote lies in the same numbered item
    /// (<c>§ 35 Abs. 1 Nr. 4 BauGB</c>); null otherwise.
    /// </summary>
    public Citation? PreciseCitation { get; init; }

    /// <summary>What to show: <see cref="PreciseCitation"/> when known, else the passage's citation.</summary>
    public Citation DisplayCitation => PreciseCitation ?? Chunk.Citation;
}
