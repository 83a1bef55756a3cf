using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant;

/// <summary>
/// <see cref="IKnowledgeStoreGenerations"/> on Qdrant: a generation is a new pair of collections filled through
/// <see cref="QdrantKnowledgeStore.ForGeneration"/>; going live is one atomic alias swap, after which the previous
/// generation is deleted. Generations left behind by an interrupted rebuild are deleted when the next one is created.
/// </summary>
public sealed class QdrantStoreGenerations(QdrantKnowledgeStore store, QdrantGenerations generations, TimeProvider timeProvider) : IKnowledgeStoreGenerations
{
    public async Task<IKnowledgeStore> CreateGenerationAsync(CancellationToken cancellationToken = default)
    {
        // Also bootstraps the live alias on a fresh server, so that there is always a live generation to fall back to.
        var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var live = await generations.GetLiveCollectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var abandoned in await generations.ListGenerationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (abandoned != live)
            {
                await generations.DeleteCollectionAsync(abandoned, cancellationToken).ConfigureAwait(false);
            }
        }

        var name = generations.NewGenerationName(timeProvider.GetUtcNow());
        await generations.CreateGenerationAsync(name, cancellationToken).ConfigureAwait(false);
        var generation = store.ForGeneration(name);
        if (statistics.EmbeddingModel is { } model)
        {
            await generation.AdoptEmbeddingModelAsync(model, cancellationToken).ConfigureAwait(false);
        }

        return generation;
    }

    public async Task SwitchToAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default)
    {
        var name = NameOf(generation);
        var previous = await generations.SwitchAliasAsync(name, cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous != name)
        {
            await generations.DeleteCollectionAsync(previous, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DiscardAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default) =>
        generations.DeleteCollectionAsync(NameOf(generation), cancellationToken);

    private string NameOf(IKnowledgeStore generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (generation is not QdrantKnowledgeStore qdrant || qdrant.ChunksCollection == generations.Alias)
        {
            throw new ArgumentException("Die Generation stammt nicht aus CreateGenerationAsync dieses Speichers.", nameof(generation));
        }

        return qdrant.ChunksCollection;
    }
}
