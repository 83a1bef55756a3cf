using System.Security.Cryptography;
using System.Text;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Indexing;

/// <summary>
/// Every norm a store holds, keyed by (law, section), with a fingerprint of its chunks' content hashes. Two inventories
/// compared say which norms a rebuild added, changed or removed.
/// </summary>
public sealed class NormInventory
{
    private readonly Dictionary<string, (string Display, string Fingerprint)> _norms;

    private NormInventory(Dictionary<string, (string Display, string Fingerprint)> norms) => _norms = norms;

    public int Count => _norms.Count;

    /// <summary>
    /// Reads all norms: in one pass when the store is an <see cref="INormHashSource"/>, otherwise through the store
    /// contract (laws, their norms, each norm's chunks).
    /// </summary>
    public static async Task<NormInventory> ReadAsync(IKnowledgeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store is INormHashSource source)
        {
            return FromChunks(await source.ListNormChunkHashesAsync(cancellationToken).ConfigureAwait(false));
        }

        var chunks = new List<NormChunkHash>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var law in await store.ListLawsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var norm in await store.ListNormsAsync(law.Law, cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(norm.Citation.NormKey))
                {
                    continue;
                }

                var normChunks = await store.GetNormAsync(norm.Citation.Law, norm.Citation.Section, cancellationToken).ConfigureAwait(false);
                chunks.AddRange(normChunks.Select(chunk => new NormChunkHash(norm.Citation, chunk.ContentHash)));
            }
        }

        return FromChunks(chunks);
    }

    /// <summary>Groups chunk hashes by norm; a norm's fingerprint ignores the order of its chunks.</summary>
    public static NormInventory FromChunks(IEnumerable<NormChunkHash> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var norms = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var group in chunks.GroupBy(chunk => chunk.Norm.NormKey, StringComparer.Ordinal))
        {
            var hashes = string.Join('\n', group.Select(chunk => chunk.ContentHash).Order(StringComparer.Ordinal));
            norms[group.Key] = (CitationFormatter.FormatNorm(group.First().Norm), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashes))));
        }

        return new NormInventory(norms);
    }

    /// <summary>The changes from this (older) inventory to <paramref name="newer"/>.</summary>
    public NormChanges CompareTo(NormInventory newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var added = newer._norms.Where(n => !_norms.ContainsKey(n.Key)).Select(n => n.Value.Display);
        var removed = _norms.Where(n => !newer._norms.ContainsKey(n.Key)).Select(n => n.Value.Display);
        var changed = newer._norms
            .Where(n => _norms.TryGetValue(n.Key, out var old) && old.Fingerprint != n.Value.Fingerprint)
            .Select(n => n.Value.Display);
        return new NormChanges(Sorted(added), Sorted(changed), Sorted(removed));
    }

    private static List<string> Sorted(IEnumerable<string> norms) => [.. norms.Order(StringComparer.Ordinal)];
}
