using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.References;

/// <summary>Counts the references a store holds and checks each target against it (<see cref="CrossReferenceTargets"/>).</summary>
public static class CrossReferenceCensus
{
    public const int UnresolvedLawCount = 8;

    /// <summary>The figures, or null when the store keeps no references (<see cref="ICrossReferenceIndex"/>).</summary>
    public static async Task<ReferenceFigures?> CountAsync(IKnowledgeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store is not ICrossReferenceIndex index)
        {
            return null;
        }

        var references = await index.ListReferencesAsync(cancellationToken).ConfigureAwait(false);
        var targets = new CrossReferenceTargets(store, await store.ListLawsAsync(cancellationToken).ConfigureAwait(false));
        var byOutcome = new Dictionary<ReferenceOutcome, int>();
        var unresolvedLaws = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var outcomes = new Dictionary<Core.Citations.Citation, ReferenceOutcome>();
        foreach (var reference in references)
        {
            var norm = reference.Target.Norm;
            if (!outcomes.TryGetValue(norm, out var outcome))
            {
                outcome = (await targets.CheckAsync(norm, cancellationToken).ConfigureAwait(false)).Outcome;
                outcomes[norm] = outcome;
            }

            byOutcome[outcome] = byOutcome.GetValueOrDefault(outcome) + 1;
            if (outcome == ReferenceOutcome.LawOutsideCorpus)
            {
                unresolvedLaws[norm.Law] = unresolvedLaws.GetValueOrDefault(norm.Law) + 1;
            }
        }

        return new ReferenceFigures(
            references.Count,
            byOutcome,
            references.GroupBy(r => r.Basis).ToDictionary(g => g.Key, g => g.Count()),
            [.. unresolvedLaws.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Take(UnresolvedLawCount)]);
    }
}
