namespace Wissensassistent.Core.Storage;

/// <summary>
/// Index generations for a full rebuild: a new, empty store is filled beside the live one while the live one keeps
/// serving, and goes live in one step once it is complete and checked. A generation that is discarded, or left behind
/// by a crash, never becomes visible.
/// </summary>
public interface IKnowledgeStoreGenerations
{
    /// <summary>
    /// An empty store beside the live one. Embeddings cached by the live store are reused by content hash where the
    /// store can, so a rebuild does not compute the vectors of unchanged texts again.
    /// </summary>
    Task<IKnowledgeStore> CreateGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="generation"/> the live store atomically: every reader sees either the previous generation
    /// or this one, never a mix. The previous generation is deleted afterwards.
    /// </summary>
    Task SwitchToAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default);

    /// <summary>Deletes a generation that will not go live; the live store is untouched.</summary>
    Task DiscardAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default);
}
