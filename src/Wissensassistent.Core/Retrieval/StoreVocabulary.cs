using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Whether the store holds a term in a passage the reader may see, asked once per term and question. The check runs under
/// the reader's access only (no other filter), so a stand-in never comes from, and so never reveals, a restricted document.
/// </summary>
public sealed class StoreVocabulary(IKnowledgeStore store, DocumentAccess access)
{
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task<bool> ContainsAsync(string term, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (!_known.TryGetValue(term, out var isKnown))
        {
            isKnown = await store.ContainsTermAsync(term, access, cancellationToken);
            _known[term] = isKnown;
        }

        return isKnown;
    }
}
