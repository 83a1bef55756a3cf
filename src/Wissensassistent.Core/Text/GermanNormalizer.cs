namespace Wissensassistent.Core.Text;

/// <summary>
/// Lower case and German folding with the semantics of Lucene's <c>GermanNormalizationFilter</c>: ä/ö/ü → a/o/u,
/// ß → ss, and ae/oe/ue → a/o/u where they spell an umlaut (not after another vowel or q), so that "Gebuehren",
/// "Gebühren" and "GEBÜHREN" meet. Accented Latin vowels (é, à, ô …) lose their accent.
/// </summary>
internal static class GermanNormalizer
{
    private const int Other = 0;
    private const int AfterVowel = 1;
    private const int AfterUmlautBase = 2;

    /// <summary>The largest output for an input of <paramref name="length"/> characters (ß doubles).</summary>
    public static int MaxLength(int length) => 2 * length;

    /// <summary>Writes the folded form of <paramref name="word"/> and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = 0;
        var state = Other;
        foreach (var raw in word)
        {
            if (TextLexer.IsInvisible(raw))
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            switch (c)
            {
                case 'a' or 'o':
                    destination[length++] = c;
                    state = AfterUmlautBase;
                    break;
                case 'u':
                    destination[length++] = c;
                    state = state == Other ? AfterUmlautBase : AfterVowel;
                    break;
                case 'e':
                    if (state != AfterUmlautBase)
                    {
                        destination[length++] = c;
                    }

                    state = AfterVowel;
                    break;
                case 'i' or 'q' or 'y':
                    destination[length++] = c;
                    state = AfterVowel;
                    break;
                case 'ä' or 'à' or 'á' or 'â' or 'ã' or 'å':
                    destination[length++] = 'a';
                    state = AfterVowel;
                    break;
                case 'ö' or 'ò' or 'ó' or 'ô' or 'õ':
                    destination[length++] = 'o';
                    state = AfterVowel;
                    break;
                case 'ü' or 'ù' or 'ú' or 'û':
                    destination[length++] = 'u';
                    state = AfterVowel;
                    break;
                case 'é' or 'è' or 'ê' or 'ë':
                    destination[length++] = 'e';
                    state = AfterVowel;
                    break;
                case 'ì' or 'í' or 'î' or 'ï':
                    destination[length++] = 'i';
                    state = AfterVowel;
                    break;
                case 'ß':
                    destination[length++] = 's';
                    destination[length++] = 's';
                    state = Other;
                    break;
                default:
                    destination[length++] = c;
                    state = Other;
                    break;
            }
        }

        return length;
    }

    public static string Normalize(ReadOnlySpan<char> word)
    {
        var buffer = word.Length <= 128 ? stackalloc char[MaxLength(word.Length)] : new char[MaxLength(word.Length)];
        var length = Normalize(word, buffer);
        return new string(buffer[..length]);
    }
}
