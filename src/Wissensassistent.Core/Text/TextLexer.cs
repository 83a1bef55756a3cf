using System.Globalization;

namespace Wissensassistent.Core.Text;

/// <summary>
/// Splits text into words, numbers, section signs and punctuation. Shared by <see cref="GermanAnalyzer"/> and
/// <see cref="Citations.CitationParser"/> so that both see the same words.
/// </summary>
internal static class TextLexer
{
    public static void Tokenize(string text, List<LexToken> tokens)
    {
        var i = 0;
        var previousEnd = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                var isNumber = char.IsDigit(c);
                i++;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (IsWordChar(d) || IsInvisible(d))
                    {
                        i++;
                    }
                    else if (isNumber && d is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]))
                    {
                        // 2.1, 165,00, 1.1.2020 stay one token.
                        i += 2;
                    }
                    else if (isNumber && IsThousandsSpace(text, start, i))
                    {
                        // Statutes group thousands with a space ("5 000 Einwohner"): one number, as a clerk types it.
                        i += 4;
                    }
                    else
                    {
                        break;
                    }
                }

                var hyphenJoined = previousEnd >= 0 && start == previousEnd + 1 && IsHyphen(text[previousEnd]);
                tokens.Add(new LexToken(start, i - start, isNumber ? LexKind.Number : LexKind.Word, hyphenJoined));
                previousEnd = i;
                if (i + 1 < text.Length && IsHyphen(text[i]) && IsWordChar(text[i + 1]))
                {
                    // The hyphen only glues; it is not a token of its own.
                    i++;
                }

                continue;
            }

            previousEnd = -1;
            if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                i++;
                continue;
            }

            if (c == '§')
            {
                var length = i + 1 < text.Length && text[i + 1] == '§' ? 2 : 1;
                tokens.Add(new LexToken(i, length, LexKind.SectionSign, false));
                i += length;
                continue;
            }

            tokens.Add(new LexToken(i, 1, LexKind.Punctuation, false));
            i++;
        }
    }

    public static List<LexToken> Tokenize(string text)
    {
        var tokens = new List<LexToken>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>
    /// A space at <paramref name="at"/> between at most three digits and exactly three more ("5 000", "400 000").
    /// </summary>
    private static bool IsThousandsSpace(string text, int start, int at)
    {
        if (at + 3 >= text.Length || !IsGroupSpace(text[at]))
        {
            return false;
        }

        var digitsBefore = 0;
        for (var j = at - 1; j >= start && char.IsDigit(text[j]); j--)
        {
            digitsBefore++;
        }

        var groupFollows = char.IsDigit(text[at + 1]) && char.IsDigit(text[at + 2]) && char.IsDigit(text[at + 3])
            && (at + 4 == text.Length || !IsWordChar(text[at + 4]));
        return digitsBefore is >= 1 and <= 3 && (at - digitsBefore == start || IsGroupSpace(text[at - digitsBefore - 1])) && groupFollows;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Soft hyphens and zero-width characters from PDF and Word exports.</summary>
    internal static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
