using System.Collections.Concurrent;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Maps index terms to dense ids for the in-memory postings. Append-only and safe for concurrent readers, so
/// that snapshots can look up query terms while a writer interns new ones; ids of vanished terms stay unused
/// until the store is opened again.
/// </summary>
internal sealed class TermDictionary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private int _count;

    public TermDictionary() => _spanLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An upper bound of every id handed out so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGetId(string term, out int id) => _ids.TryGetValue(term, out id);

    public int GetOrAdd(string term) =>
        _ids.TryGetValue(term, out var id) ? id : _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _count) - 1);

    /// <summary>The terms of the title fields (<see cref="IndexedTerms.IsTitleTerm"/>) with their ids.</summary>
    public List<KeyValuePair<string, int>> TitleTerms() => _ids.Where(entry => IndexedTerms.IsTitleTerm(entry.Key)).ToList();

    /// <summary>Every term at the position of its id; null where an id was handed out but lost a race.</summary>
    public string?[] TermsById()
    {
        var terms = new string?[Count];
        foreach (var (term, id) in _ids)
        {
            terms[id] = term;
        }

        return terms;
    }

    public int GetOrAdd(ReadOnlySpan<char> term) =>
        _spanLookup.TryGetValue(term, out var id) ? id : GetOrAdd(term.ToString());
}
