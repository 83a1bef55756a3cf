using System.Numerics;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// The distinct terms of a passage or a title, for the re-ranking steps that ask of every candidate which of the question's
/// terms it holds: 200 candidates times some 30 terms per question. The question's terms are hashed once per question
/// (<see cref="HashesOf(IReadOnlyList{WeightedTerm})"/>), not once per candidate, and a look-up probes an open-addressed table
/// of hashes at most half full, comparing a string only where the hash matches.
/// </summary>
/// <remarks>The hashes are the process's own (<see cref="string.GetHashCode(StringComparison)"/>); a set never leaves the process.</remarks>
public sealed class TermSet
{
    /// <summary>0 marks an empty slot; a term's hash of 0 is stored as 1.</summary>
    private readonly int[] _slots;
    private readonly string?[] _terms;

    private TermSet(int[] slots, string?[] terms, int count)
    {
        _slots = slots;
        _terms = terms;
        Count = count;
    }

    public static TermSet Empty { get; } = new([0], [null], 0);

    public int Count { get; }

    public static TermSet Of(IReadOnlyCollection<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return Empty;
        }

        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, terms.Count * 2));
        var slots = new int[capacity];
        var stored = new string?[capacity];
        var count = 0;
        foreach (var term in terms)
        {
            var slot = Slot(Hash(term));
            var i = slot & (capacity - 1);
            while (slots[i] != 0 && !(slots[i] == slot && string.Equals(stored[i], term, StringComparison.Ordinal)))
            {
                i = (i + 1) & (capacity - 1);
            }

            if (slots[i] == 0)
            {
                slots[i] = slot;
                stored[i] = term;
                count++;
            }
        }

        return new TermSet(slots, stored, count);
    }

    /// <summary>The hash of each term, in order, for <see cref="Contains(string, int)"/>.</summary>
    public static int[] HashesOf(IReadOnlyList<WeightedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var hashes = new int[terms.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(terms[i].Term);
        }

        return hashes;
    }

    public static int Hash(string term) => term.GetHashCode(StringComparison.Ordinal);

    public bool Contains(string term) => Contains(term, Hash(term));

    /// <param name="hash">The term's <see cref="Hash"/>.</param>
    public bool Contains(string term, int hash)
    {
        var slot = Slot(hash);
        var mask = _slots.Length - 1;
        for (var i = slot & mask; _slots[i] != 0; i = (i + 1) & mask)
        {
            if (_slots[i] == slot && string.Equals(_terms[i], term, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int Slot(int hash) => hash == 0 ? 1 : hash;
}
