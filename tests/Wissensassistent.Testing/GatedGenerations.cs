using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>Generations whose writes pass a <see cref="GenerationGate"/> first; everything else goes to the real store.</summary>
public sealed class GatedGenerations(IKnowledgeStoreGenerations inner, GenerationGate gate) : IKnowledgeStoreGenerations
{
    public List<IKnowledgeStore> Created { get; } = [];

    /// <summary>Wraps the host's registered generations (a factory registration) so that their writes pass <paramref name="gate"/>.</summary>
    public static void Replace(IServiceCollection services, GenerationGate gate)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IKnowledgeStoreGenerations));
        services.Remove(registered);
        services.AddSingleton<IKnowledgeStoreGenerations>(provider =>
            new GatedGenerations((IKnowledgeStoreGenerations)registered.ImplementationFactory!(provider), gate));
    }

    public async Task<IKnowledgeStore> CreateGenerationAsync(CancellationToken cancellationToken = default)
    {
        var generation = await inner.CreateGenerationAsync(cancellationToken);
        Created.Add(generation);
        return new GatedStore(generation, gate);
    }

    public Task SwitchToAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default) =>
        inner.SwitchToAsync(((GatedStore)generation).Inner, cancellationToken);

    public Task DiscardAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default) =>
        inner.DiscardAsync(((GatedStore)generation).Inner, cancellationToken);

    private sealed class GatedStore(IKnowledgeStore inner, GenerationGate gate) : DelegatingKnowledgeStore(inner)
    {
        public override async Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default)
        {
            await base.UpsertAsync(batch, cancellationToken);
            await gate.PassAsync(cancellationToken);
        }
    }
}
