namespace Wissensassistent.Core.Text;

/// <summary>
/// Savoy's light German stemmer (the algorithm of Lucene's <c>GermanLightStemmer</c>) on folded words, with one
/// change: a final s after r is removed for words longer than five letters, as Snowball does, so that the genitive
/// of -er nouns meets its nominative ("Vermieters" → "vermiet" like "Vermieter"; Lucene leaves "vermieters").
/// Light stemming only strips inflection; it never conflates "Kündigung" with "kündigen".
/// </summary>
internal static class GermanStemmer
{
    /// <summary>Stems <paramref name="word"/> (already folded by <see cref="GermanNormalizer"/>) in place; returns the new length.</summary>
    public static int Stem(Span<char> word, int length)
    {
        length = StripInflection(word, length);
        return StripSuperlativeAndComparative(word, length);
    }

    public static string Stem(string normalizedWord)
    {
        var buffer = normalizedWord.Length <= 128 ? stackalloc char[normalizedWord.Length] : new char[normalizedWord.Length];
        normalizedWord.AsSpan().CopyTo(buffer);
        var length = Stem(buffer, normalizedWord.Length);
        return length == normalizedWord.Length ? normalizedWord : new string(buffer[..length]);
    }

    private static bool IsSEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 't';

    private static int StripInflection(Span<char> s, int len)
    {
        if (len > 5 && s[len - 3] == 'e' && s[len - 2] == 'r' && s[len - 1] == 'n')
        {
            return len - 3;
        }

        if (len > 4 && s[len - 2] == 'e' && s[len - 1] is 'm' or 'n' or 'r' or 's')
        {
            return len - 2;
        }

        if (len > 3 && s[len - 1] == 'e')
        {
            return len - 1;
        }

        if (len > 3 && s[len - 1] == 's' && (IsSEnding(s[len - 2]) || (len > 5 && s[len - 2] == 'r')))
        {
            return len - 1;
        }

        return len;
    }

    private static int StripSuperlativeAndComparative(Span<char> s, int len)
    {
        if (len > 5 && s[len - 3] == 'e' && s[len - 2] == 's' && s[len - 1] == 't')
        {
            return len - 3;
        }

        if (len > 4 && s[len - 2] == 'e' && s[len - 1] is 'r' or 'n')
        {
            return len - 2;
        }

        if (len > 4 && s[len - 2] == 's' && s[len - 1] == 't' && IsSEnding(s[len - 3]))
        {
            return len - 2;
        }

        return len;
    }
}
