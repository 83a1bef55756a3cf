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

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Soft hyphens and zero-width characters from PDF and Word exports.</summary>
    internal static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
