using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.References;

/// <summary>
/// Checks reference targets against the live store: held and in force, repealed (alone or within a repealed run such as
/// <c>§§ 1321 bis 1352 BGB</c>), or outside the corpus. Whether a target exists is decided when it is shown, never
/// frozen at ingestion, so that a law added later turns its references into links without reading the citing texts again.
/// </summary>
/// <remarks>One instance per page or report: it caches the norm lists it reads.</remarks>
public sealed class CrossReferenceTargets
{
    private readonly IKnowledgeStore _store;
    private readonly IReadOnlyList<LawInfo> _laws;
    private readonly LawNameResolver _names;
    private readonly Dictionary<string, NormsOfLaw> _norms = new(StringComparer.OrdinalIgnoreCase);

    public CrossReferenceTargets(IKnowledgeStore store, IReadOnlyList<LawInfo> laws)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(laws);
        _store = store;
        _laws = laws;
        _names = new LawNameResolver(laws);
    }

    /// <summary>Every distinct target of the chunks' references, checked.</summary>
    public async Task<IReadOnlyDictionary<Citation, ReferenceTarget>> CheckAsync(IEnumerable<Chunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var checkedTargets = new Dictionary<Citation, ReferenceTarget>();
        foreach (var target in chunks.SelectMany(c => c.References).Select(r => r.Target).Distinct())
        {
            checkedTargets[target] = await CheckAsync(target, cancellationToken).ConfigureAwait(false);
        }

        return checkedTargets;
    }

    public async Task<ReferenceTarget> CheckAsync(Citation target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (LawOf(target.Law) is not { } law)
        {
            return new ReferenceTarget(target, ReferenceOutcome.LawOutsideCorpus, null);
        }

        var norm = (await NormsOfAsync(law.Law, cancellationToken).ConfigureAwait(false)).Find(target.Section);
        if (norm is null)
        {
            return new ReferenceTarget(target with { Law = law.Law }, ReferenceOutcome.NormOutsideCorpus, null);
        }

        var outcome = norm.IsRepealed ? ReferenceOutcome.Repealed : ReferenceOutcome.Resolved;
        return new ReferenceTarget(target with { Law = law.Law }, outcome, norm.Citation);
    }

    /// <summary>The norm a section names: itself, or the repealed run whose heading stands for it (<c>1321 bis 1352</c> for <c>1330</c>).</summary>
    public static NormInfo? FindNorm(IReadOnlyList<NormInfo> norms, string section)
    {
        ArgumentNullException.ThrowIfNull(norms);
        ArgumentNullException.ThrowIfNull(section);
        return new NormsOfLaw(norms).Find(section);
    }

    private LawInfo? LawOf(string name)
    {
        var law = _laws.FirstOrDefault(l => string.Equals(l.Law, name, StringComparison.OrdinalIgnoreCase))
            ?? _laws.FirstOrDefault(l => l.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        if (law is null && _names.Resolve(name) is { } resolved)
        {
            // A law written out at ingestion ("Bestattungsgesetz") that the corpus has gained since.
            law = _laws.FirstOrDefault(l => string.Equals(l.Law, resolved, StringComparison.OrdinalIgnoreCase));
        }

        return law;
    }

    private async Task<NormsOfLaw> NormsOfAsync(string law, CancellationToken cancellationToken)
    {
        if (!_norms.TryGetValue(law, out var norms))
        {
            norms = new NormsOfLaw(await _store.ListNormsAsync(law, cancellationToken).ConfigureAwait(false));
            _norms[law] = norms;
        }

        return norms;
    }

    /// <summary>
    /// A law's norms by section: the norm of that number, else the repealed run that stands for it. Kept per law, because a
    /// census checks every reference of the corpus, and a scan of a law's norms for each made a law of 200 000 norms take
    /// longer than its ingestion.
    /// </summary>
    private sealed class NormsOfLaw
    {
        private readonly Dictionary<string, NormInfo> _bySection = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<NormInfo> _runs = [];

        public NormsOfLaw(IReadOnlyList<NormInfo> norms)
        {
            foreach (var norm in norms)
            {
                _bySection.TryAdd(norm.Citation.Section, norm);
                if (SectionRange.IsRange(norm.Citation.Section))
                {
                    _runs.Add(norm);
                }
            }
        }

        public NormInfo? Find(string section) =>
            _bySection.GetValueOrDefault(section) ?? _runs.FirstOrDefault(n => SectionRange.Contains(n.Citation.Section, section));
    }
}
