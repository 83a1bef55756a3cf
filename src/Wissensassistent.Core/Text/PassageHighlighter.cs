using System.Globalization;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Text;

/// <summary>
/// Marks the words of a passage a reader should see first: the quotations an answer took from it, or, when it
/// quoted nothing that can be found, the terms of the question.
/// </summary>
public static partial class PassageHighlighter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "aber", "alle", "allem", "allen", "aller", "alles", "also", "auch", "auf", "aus", "bei", "beim", "bin", "bis",
        "bitte", "dann", "darf", "dass", "dem", "den", "denn", "der", "des", "die", "dies", "diese", "diesem", "diesen",
        "dieser", "dieses", "doch", "dort", "durch", "eine", "einem", "einen", "einer", "eines", "für", "gibt", "gilt",
        "haben", "hat", "hier", "ich", "ihr", "ihre", "im", "ist", "jede", "jeder", "jedes", "kann", "können", "man",
        "mich", "mit", "muss", "müssen", "nach", "nicht", "noch", "nur", "oder", "ohne", "sein", "sich", "sie", "sind",
        "soll", "sollen", "über", "um", "und", "uns", "unter", "vom", "von", "vor", "wann", "warum", "was", "welche",
        "welchem", "welchen", "welcher", "welches", "wenn", "wer", "werden", "wie", "wird", "wo", "womit", "zum", "zur",
        "regelt", "gelten", "geregelt",
    };

    /// <summary>Highlights the quotations found in <paramref name="passage"/>; falls back to the question's terms.</summary>
    public static IReadOnlyList<TextSegment> Highlight(string passage, IReadOnlyList<string>? quotes, string? question)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var marked = new bool[passage.Length];
        var found = false;
        foreach (var quote in quotes ?? [])
        {
            found |= MarkQuote(passage, quote, marked);
        }

        if (!found && !string.IsNullOrWhiteSpace(question))
        {
            MarkTerms(passage, TermsOf(question), marked);
        }

        return Segments(passage, marked);
    }

    /// <summary>The content words of a question, lower-cased and stripped of common endings.</summary>
    public static IReadOnlyList<string> TermsOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Word().Matches(question)
            .Select(m => m.Value)
            .Where(w => w.Length >= 4 && !StopWords.Contains(w) && !w.All(char.IsAsciiDigit))
            .Select(Stem)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool MarkQuote(string passage, string quote, bool[] marked)
    {
        var found = false;

        // An answer may shorten a quotation with an ellipsis; each remaining part is verbatim.
        foreach (var part in quote.Split(["…", "..."], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Trim().Trim('„', '“', '”', '"', '‚', '‘', '\'', '»', '«').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || string.Join(' ', words).Length < 3)
            {
                continue;
            }

            var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
            var matches = Regex.Matches(passage, pattern, RegexOptions.CultureInvariant, MatchTimeout);
            if (matches.Count == 0)
            {
                matches = Regex.Matches(passage, pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
            }

            foreach (Match match in matches)
            {
                Array.Fill(marked, true, match.Index, match.Length);
                found = true;
            }
        }

        return found;
    }

    private static void MarkTerms(string passage, IReadOnlyList<string> terms, bool[] marked)
    {
        if (terms.Count == 0)
        {
            return;
        }

        foreach (Match word in Word().Matches(passage))
        {
            var lower = word.Value.ToLower(CultureInfo.GetCultureInfo("de-DE"));
            if (terms.Any(t => lower.StartsWith(t, StringComparison.Ordinal)))
            {
                Array.Fill(marked, true, word.Index, word.Length);
            }
        }
    }

    private static string Stem(string word)
    {
        var lower = word.ToLower(CultureInfo.GetCultureInfo("de-DE"));
        foreach (var ending in (string[])["ungen", "en", "er", "es", "e", "n", "s"])
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal) && lower.Length - ending.Length >= 4)
            {
                return lower[..^ending.Length];
            }
        }

        return lower;
    }

    private static List<TextSegment> Segments(string passage, bool[] marked)
    {
        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= passage.Length; i++)
        {
            if (i == passage.Length || marked[i] != marked[start])
            {
                segments.Add(new TextSegment(passage[start..i], marked[start]));
                start = i;
            }
        }

        return segments;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
