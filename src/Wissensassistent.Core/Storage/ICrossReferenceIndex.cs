using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.References;

namespace Wissensassistent.Core.Storage;

/// <summary>
/// The reverse side of the references stored with each chunk (<see cref="Chunk.References"/>): who cites a norm.
/// A store offers it beside <see cref="IKnowledgeStore"/>; callers ask with <c>store is ICrossReferenceIndex</c>.
/// </summary>
public interface ICrossReferenceIndex
{
    /// <summary>The chunks whose text refers to the norm (<c>BauGB</c>, <c>34</c>), in document order; law compared case-insensitively, aliases included.</summary>
    Task<IReadOnlyList<Chunk>> GetReferringChunksAsync(string law, string section, CancellationToken cancellationToken = default);

    /// <summary>Every reference the store holds, for the corpus's figures.</summary>
    Task<IReadOnlyList<CrossReference>> ListReferencesAsync(CancellationToken cancellationToken = default);
}
