using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Chunking;

/// <summary>
/// Splits German legal prose into sentences. A full stop ends a sentence only if it is followed by white space and
/// an upper-case letter, digit, bracket or quote, and the word before it is neither an abbreviation (<c>Abs.</c>,
/// <c>Nr.</c>, <c>z. B.</c>, <c>i. V. m.</c>…) nor a bare number (<c>am 1. Januar</c>, <c>der 2. Abschnitt</c>).
/// </summary>
internal static partial class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "abs", "nr", "nrn", "art", "s", "ggf", "bzw", "vgl", "z", "b", "i", "v", "m", "d", "h", "u", "a", "o", "e", "g", "f", "ff",
        "usw", "etc", "buchst", "ziff", "lit", "anm", "bek", "dr", "prof", "st", "str", "gem", "einschl", "ca", "evtl", "inkl",
        "zzgl", "zuzügl", "mio", "mrd", "abschn", "kap", "tz", "rn", "rdnr", "bd", "hs", "halbs", "vorb", "allg", "sog",
        "bspw", "insb", "insbes", "max", "min", "mind", "std", "tel", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug",
        "sept", "sep", "okt", "nov", "dez", "lfd", "az", "aufl", "geb", "zul", "geänd", "ber", "bgbl", "gbl",
        "abl", "amtl", "begr", "nachf", "ursprüngl", "entspr", "ua", "vs", "zb", "bzgl", "betr", "hrsg", "stv",
        "stellv", "kfz", "pkw", "lkw", "wg", "ehem", "verh", "ledigl", "ggü",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match candidate in Boundary().Matches(text))
        {
            var end = candidate.Index + 1;
            if (!IsSentenceEnd(text, candidate.Index))
            {
                continue;
            }

            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = end;
        }

        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    private static bool IsSentenceEnd(string text, int punctuation)
    {
        if (text[punctuation] is '!' or '?' or ';')
        {
            return text[punctuation] != ';';
        }

        // The word (or number) right before the full stop.
        var wordEnd = punctuation;
        var wordStart = wordEnd;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not '(' and not '"' and not '„')
        {
            wordStart--;
        }

        var word = text[wordStart..wordEnd];
        if (word.Length == 0)
        {
            return true;
        }

        // "1." "2a." "IV." inside a sentence are ordinals or enumerations, not sentence ends.
        if (word.All(char.IsDigit) || OrdinalLike().IsMatch(word) || RomanNumeral().IsMatch(word))
        {
            return false;
        }

        // "z.B." "i.V.m." "u.a." written without spaces.
        if (word.Contains('.', StringComparison.Ordinal))
        {
            var last = word[(word.LastIndexOf('.') + 1)..];
            return !(last.Length <= 2 && word.Length <= 8);
        }

        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false;
        }

        return !Abbreviations.Contains(word.TrimStart('§', '(', '[').ToLowerInvariant());
    }

    /// <summary>A sentence mark followed by space and something that can start a sentence.</summary>
    [GeneratedRegex(@"[.!?](?=[""“”»)]?\s+[""„»(]?[\p{Lu}\d§])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^\d{1,4}[a-z]{0,2}$")]
    private static partial Regex OrdinalLike();

    [GeneratedRegex(@"^[IVXLC]{1,6}$")]
    private static partial Regex RomanNumeral();
}
