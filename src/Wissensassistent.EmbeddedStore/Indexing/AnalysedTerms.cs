using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The distinct terms of one chunk with their frequencies, as ids of the <see cref="TermDictionary"/>; the length counts
/// the text's terms only, not those of its title fields (<see cref="IndexedTerms"/>).
/// </summary>
internal readonly record struct AnalysedTerms(int[] TermIds, ushort[] Frequencies, int Length)
{
    public static AnalysedTerms From(IReadOnlyList<KeyValuePair<string, int>> frequencies, TermDictionary terms)
    {
        var ids = new int[frequencies.Count];
        var counts = new ushort[frequencies.Count];
        var length = 0;
        for (var i = 0; i < frequencies.Count; i++)
        {
            ids[i] = terms.GetOrAdd(frequencies[i].Key);
            counts[i] = (ushort)Math.Min(frequencies[i].Value, ushort.MaxValue);
            length += IndexedTerms.IsTitleTerm(frequencies[i].Key) ? 0 : frequencies[i].Value;
        }

        return new AnalysedTerms(ids, counts, length);
    }
}
