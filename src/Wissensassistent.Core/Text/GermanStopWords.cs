using System.Collections.Frozen;

namespace Wissensassistent.Core.Text;

/// <summary>
/// Words that carry no meaning for lexical search, compared in folded form (<see cref="GermanNormalizer"/>).
/// </summary>
/// <remarks>
/// Base: Lucene's German stop set (the Snowball list). Negations ("nicht", "kein", "ohne") stay stop words: a bag of
/// words cannot express negation, the words occur in most passages (near-zero IDF) and only bloat the index; the dense
/// path and the answer model read negation. Taken out of the list: "weg" and "waren", which are also the nouns Weg and
/// Waren. Added: legal filler ("gemäß", "sowie", "bzw", "insbesondere", "entsprechend", "unbeschadet" …), abbreviations
/// of filler ("vgl", "ggf", "usw") and question words ("wer", "wann", "welche" …), which only shape questions.
/// </remarks>
internal static class GermanStopWords
{
    private static readonly string[] Removed = ["weg", "waren"];

    private static readonly string[] Added =
    [
        // Legal filler.
        "gemäß", "gem", "sowie", "bzw", "beziehungsweise", "ggf", "gegebenenfalls", "soweit", "sofern", "jeweils",
        "jeweilige", "jeweiligen", "jeweiliger", "jeweiliges", "insbesondere", "insb", "vgl", "usw", "etc", "sog",
        "sogenannte", "sogenannten", "hierbei", "hierzu", "hierfür", "hiervon", "hierauf", "hierüber", "hiernach",
        "hierdurch", "hierin", "dabei", "dafür", "darin", "darüber", "davon", "daher", "dadurch", "danach", "darauf",
        "daraus", "darunter", "dagegen", "deren", "denen", "worden", "wurde", "wurden", "sei", "seien", "hätte",
        "hätten", "ferner", "zudem", "unbeschadet", "vorbehaltlich", "entsprechend", "entsprechende", "entsprechenden",
        "entsprechender", "entsprechendes", "bereits", "etwa", "jedoch", "ebenso", "ebenfalls", "hinsichtlich",
        "bezüglich", "bzgl", "betreffend", "aufgrund", "zufolge", "einschließlich", "mittels", "seitens", "zwecks",
        "anhand", "evtl", "sowohl", "weder", "mithin", "insoweit", "insofern", "ivm", "dass", "daß", "zb", "ua", "dh",
        "müssen", "dürfen", "darf", "sollen", "sollten", "können", "konnte", "kannst", "lassen",

        // Question words.
        "wer", "wem", "wen", "wessen", "wann", "warum", "weshalb", "wieso", "woran", "worauf", "wozu", "womit",
        "wofür", "wodurch", "woher", "wohin", "wieviel", "wieviele",
    ];

    private static readonly FrozenSet<string> Words = Build();

    /// <summary>The folded stop words, sorted; part of the analyzer's fingerprint.</summary>
    public static IReadOnlyList<string> All { get; } = Words.Order(StringComparer.Ordinal).ToArray();

    public static bool Contains(string foldedWord) => Words.Contains(foldedWord);

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet)
        {
            words.Add(GermanNormalizer.Normalize(entry?.ToString() ?? string.Empty));
        }

        foreach (var word in Removed)
        {
            words.Remove(word);
        }

        foreach (var word in Added)
        {
            words.Add(GermanNormalizer.Normalize(word));
        }

        words.Remove(string.Empty);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
