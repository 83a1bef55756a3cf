namespace Wissensassistent.Core.Text;

/// <summary>
/// Learns a <see cref="CompoundDictionary"/> from texts: counts folded words and keeps those frequent enough to be
/// trusted as compound parts. Short words need more evidence, because three letters are found inside many words
/// by chance ("ges" in "gesamt"), and must mostly be written as nouns (capitalised) to count.
/// </summary>
public sealed class CompoundDictionaryBuilder
{
    private readonly Dictionary<string, WordCount> _counts = new(StringComparer.Ordinal);
    private readonly List<LexToken> _tokens = [];

    /// <summary>Occurrences a word of four or more letters needs.</summary>
    public int MinFrequency { get; init; } = 3;

    /// <summary>Occurrences a three-letter word needs.</summary>
    public int MinShortWordFrequency { get; init; } = 10;

    /// <summary>Share of capitalised occurrences a three-letter word needs (nouns: Bau, Amt, Rat).</summary>
    public double MinShortWordNounShare { get; init; } = 0.8;

    public int MinLength { get; init; } = 3;

    public int MaxLength { get; init; } = 40;

    public void Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _tokens.Clear();
        TextLexer.Tokenize(text, _tokens);
        Span<char> buffer = stackalloc char[2 * 64];
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind != LexKind.Word || token.Length < MinLength || token.Length > MaxLength)
            {
                continue;
            }

            var span = token.Span(text);
            if (!IsAllLetters(span))
            {
                continue;
            }

            var length = GermanNormalizer.Normalize(span, buffer);
            var folded = buffer[..length];
            if (folded.Length < MinLength || GermanStopWords.Lookup.Contains(folded))
            {
                continue;
            }

            var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(folded, out var count))
            {
                count = new WordCount();
                lookup[folded] = count;
            }

            count.Total++;

            // "Abs.", "Ges.": abbreviations are no evidence of a noun.
            var abbreviated = i + 1 < _tokens.Count && _tokens[i + 1].IsPunctuation(text, '.') && _tokens[i + 1].Start == token.End;
            if (IsCapitalised(span) && !abbreviated)
            {
                count.Capitalised++;
            }
        }
    }

    public CompoundDictionary Build() =>
        new(_counts
            .Where(e => Keeps(e.Key, e.Value))
            .Select(e => new KeyValuePair<string, int>(e.Key, e.Value.Total)));

    /// <summary>The shipped dictionary's recipe: every <c>*.md</c> below <paramref name="corpusDirectory"/> with default thresholds.</summary>
    public static CompoundDictionary BuildFromCorpus(string corpusDirectory)
    {
        var builder = new CompoundDictionaryBuilder();
        // README.md describes the corpus and is not part of it (the ingestion pipeline skips it too).
        foreach (var file in Directory.EnumerateFiles(corpusDirectory, "*.md", SearchOption.AllDirectories)
                     .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            builder.Add(File.ReadAllText(file));
        }

        return builder.Build();
    }

    private bool Keeps(string word, WordCount count)
    {
        if (word.Length < MinLength || word.Length > MaxLength)
        {
            return false;
        }

        if (word.Length > 3)
        {
            return count.Total >= MinFrequency;
        }

        return count.Total >= MinShortWordFrequency && count.Capitalised >= MinShortWordNounShare * count.Total;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsLetter(c) && !TextLexer.IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Written as a noun: upper case first, lower case after ("Bau"; not "BAU", "FwG", "CoV").</summary>
    private static bool IsCapitalised(ReadOnlySpan<char> span)
    {
        if (!char.IsUpper(span[0]))
        {
            return false;
        }

        foreach (var c in span[1..])
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class WordCount
    {
        public int Total { get; set; }

        public int Capitalised { get; set; }
    }
}
