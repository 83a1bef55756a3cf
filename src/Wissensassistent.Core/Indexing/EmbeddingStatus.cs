namespace Wissensassistent.Core.Indexing;

/// <param name="Done">Chunks of the live store with a vector of <paramref name="Model"/>.</param>
/// <param name="Total">Chunks of the live store.</param>
/// <param name="Problem">Why the phase failed (German), else null.</param>
public sealed record EmbeddingSnapshot(EmbeddingState State, string? Model, int Done, int Total, string? Problem = null)
{
    public static readonly EmbeddingSnapshot Disabled = new(EmbeddingState.Disabled, null, 0, 0);
}

/// <summary>Progress of the background embedding phase, apart from reindex runs.</summary>
public sealed class EmbeddingStatus() : ObservedValue<EmbeddingSnapshot>(EmbeddingSnapshot.Disabled);
