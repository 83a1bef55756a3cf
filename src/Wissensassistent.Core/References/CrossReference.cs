using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.References;

/// <summary>
/// A reference inside a passage to another norm or another part of the same norm, resolved at ingestion:
/// the characters of the passage that make it and the address they point to.
/// </summary>
/// <param name="Start">First character in <see cref="Chunks.Chunk.Text"/>.</param>
/// <param name="Length">Characters covered; several references may share a span (<c>§§ 12 bis 14</c>).</param>
/// <param name="Target">The address pointed to, its law always set (<c>§ 34 Abs. 1 BauGB</c>).</param>
/// <param name="Basis">How the law and norm of <paramref name="Target"/> were found.</param>
public sealed record CrossReference(int Start, int Length, Citation Target, ReferenceBasis Basis)
{
    public int End => Start + Length;
}
