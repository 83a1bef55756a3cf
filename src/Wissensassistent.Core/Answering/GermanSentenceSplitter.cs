using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Splits German legal and answer text into sentences. A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by space
/// and a capital letter or an opening quote, never inside a quotation, never after an abbreviation (<c>Abs.</c>, <c>Nr.</c>,
/// <c>z. B.</c>) or a number (<c>4.</c> in lists, <c>8. August</c>) unless a marker follows (<c>§ 35. [1]</c>). Markers right after the full stop (<c>… zulässig. [1]</c>)
/// stay with their sentence. Every line is split on its own (list items, headings).
/// </summary>
public static partial class GermanSentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(
        """
        abs nr nrn art artt buchst bzw ggf gem vgl usw etc evtl inkl einschl anm bd ca sog alt hs halbs var kap anh anl ff
        ziff lit str tel dr prof prod hrsg gbl bgbl bl az st zzgl max min mind mio mrd jan feb mär apr jun jul aug sep sept okt nov
        dez abschn abschnitt bzgl ua uä od ebd erg begr ausf rn rdnr zb dh stv stellv
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<SentenceSpan>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    /// <summary>The sentences themselves, trimmed.</summary>
    public static IReadOnlyList<string> SplitToStrings(string text) =>
        Split(text).Select(span => span.Of(text)).ToList();

    private static void SplitLine(string text, int start, int end, List<SentenceSpan> sentences)
    {
        var sentenceStart = start;
        char? closingQuote = null;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (closingQuote is { } expected)
            {
                if (c == expected || (expected == '“' && c is '”' or '"'))
                {
                    closingQuote = null;

                    // „Er kommt.“ ends the sentence with the full stop inside the quotation.
                    if (i > start && text[i - 1] is '.' or '!' or '?' && Strength(text, start, i - 1) == Ending.Certain)
                    {
                        var afterQuote = BoundaryAfter(text, i, end, Ending.Certain);
                        if (afterQuote >= 0)
                        {
                            Add(text, sentenceStart, afterQuote, sentences);
                            sentenceStart = afterQuote;
                            i = afterQuote - 1;
                        }
                    }
                }

                continue;
            }

            switch (c)
            {
                case '„':
                    closingQuote = '“';
                    continue;
                case '“':
                    closingQuote = '”';
                    continue;
                case '"':
                    closingQuote = '"';
                    continue;
                case '»':
                    closingQuote = '«';
                    continue;
                case '.' or '!' or '?':
                    var strength = c == '.' ? Strength(text, start, i) : Ending.Certain;
                    if (strength == Ending.None)
                    {
                        continue;
                    }

                    var boundary = BoundaryAfter(text, i + 1, end, strength);
                    if (boundary < 0)
                    {
                        continue;
                    }

                    Add(text, sentenceStart, boundary, sentences);
                    sentenceStart = boundary;
                    i = boundary - 1;
                    continue;
            }
        }

        Add(text, sentenceStart, end, sentences);
    }

    /// <summary>The end of the sentence whose final punctuation precedes <paramref name="position"/>, or -1 when the text goes on.</summary>
    private static int BoundaryAfter(string text, int position, int end, Ending strength)
    {
        var j = position;
        while (j < end && text[j] is ')' or '”' or '“' or '"' or '«' or '’' or '\'' or '*' or '_')
        {
            j++;
        }

        var sentenceEnd = j;
        var k = j;
        while (true)
        {
            while (k < end && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            var marker = k < end && text[k] == '[' ? MarkerPattern().Match(text, k) : Match.Empty;
            if (marker.Success && marker.Index == k && marker.Index + marker.Length <= end)
            {
                k += marker.Length;
                sentenceEnd = k;
                continue;
            }

            break;
        }

        // "§ 35." ends a sentence only when a marker confirms it; "am 1. Januar" and list numbers do not.
        if (strength == Ending.IfMarked && sentenceEnd == j)
        {
            return -1;
        }

        if (k >= end)
        {
            return end;
        }

        if (k == sentenceEnd)
        {
            // No space after the punctuation: "§ 35 Abs.1", "z.B.", a decimal number.
            return -1;
        }

        var next = text[k];
        return char.IsUpper(next) || next is '„' or '“' or '"' or '»' or '*' or '#' ? sentenceEnd : -1;
    }

    /// <summary>Whether the full stop at <paramref name="period"/> can end a sentence.</summary>
    private static Ending Strength(string text, int lineStart, int period)
    {
        var wordStart = period;
        while (wordStart > lineStart && char.IsLetterOrDigit(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.Length == 0)
        {
            // "…." or ".." or a period after a closing quote or bracket.
            return Ending.Certain;
        }

        if (char.IsDigit(word[0]))
        {
            return Ending.IfMarked;
        }

        return word.Length > 1 && !Abbreviations.Contains(word) ? Ending.Certain : Ending.None;
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end - start));
        }
    }

    [GeneratedRegex(@"\[\s*\d+\s*(?:[,;]\s*\d+\s*)*\]")]
    private static partial Regex MarkerPattern();

    private enum Ending
    {
        None,
        IfMarked,
        Certain,
    }
}
