using System.Globalization;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// The content words of a German text, reduced to crude stems, for relevance and sentence scoring. Deliberately simple and
/// deterministic: lowercase, umlauts folded (plural <c>Plätze</c> meets <c>Platz</c>), drop function and question words,
/// strip common inflection endings. Two stems match when they
/// are equal or, from five letters on, one contains the other (compounds: <c>außenbereich</c> in <c>außenbereichsvorhaben</c>);
/// a four-letter stem matches as the head of a compound (<c>steu</c> in <c>steuersatz</c>).
/// </summary>
public static partial class ContentTerms
{
    private const int MinimumContainmentLength = 5;

    private const int MinimumPrefixLength = 4;

    /// <summary>Abbreviations of statutes and bylaws ("Stv. Kommandant" in a table) with the stem of the word they stand for.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["stv"] = "stellvertretend",
        ["stellv"] = "stellvertretend",
    };

    private static readonly string[] Endings = ["ern", "en", "er", "es", "em", "e", "n", "s"];

    private static readonly HashSet<string> StopWords = new(
        """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus ausser
        bei beim bereits besagt bin bis bist bitte da dabei dadurch dafür dagegen daher damit dann daran darauf daraus darf
        darfst darin darüber darum das dass dasselbe davon dazu dein dem den denen denn der deren derselbe des dessen deshalb
        die dies diese diesem diesen dieser dieses doch dort du durch dürfen ein eine einem einen einer eines einmal er erkläre
        erklären es etwa etwas euch euer für gegen genau gelten geregelt gibt gilt habe haben hat hatte hier hierzu hin hinter
        ich ihm ihn ihnen ihr ihre im immer in ins ist ja je jede jedem jeden jeder jedes jetzt kann kein keine keinen können
        könnte man mehr mein mich mir mit muss müssen nach nein nicht nichts noch nun nur ob oder ohne paragraf paragraph
        regelt regelung regelungen sagt sein seine seinem seinen seiner sich sie sind so soll sollen sollte sondern sowie
        brauche brauchen braucht benötige benötigen benötigt bekomme bekommen bekommt möchte möchten wollen fragt fragen
        eigentlich überhaupt jemand
        steht stehen über um und uns unser unter viel viele vom von vor vorschrift vorschriften wann war waren warum was
        weil welche welchem welchen welcher welches wenn wer werden wie wieder will wir wird wo wobei wodurch womit worden
        wurde würde würden zu zum zur zwar zwischen
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(Normalize),
        StringComparer.Ordinal);

    /// <summary>Distinct content stems of <paramref name="text"/>, in order of first occurrence.</summary>
    public static IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            // "Luft-Wärmepumpe" asks about a Wärmepumpe: a hyphenated compound counts by its head.
            if (StemOf(word.Contains('-', StringComparison.Ordinal) ? word[(word.LastIndexOf('-') + 1)..] : word) is { } stem && seen.Add(stem))
            {
                stems.Add(stem);
            }
        }

        return stems;
    }

    /// <summary>
    /// The content stems of the legal terms for a question's everyday words (<see cref="EverydayVocabulary"/>) that the
    /// question does not hold itself: alternatives a passage may match instead of the question's own words.
    /// </summary>
    public static IReadOnlyList<string> LegalAlternatives(string question, IReadOnlyList<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(questionTerms);
        return Extract(EverydayVocabulary.Default.LegalTermsFor(question)).Except(questionTerms, StringComparer.Ordinal).ToList();
    }

    /// <summary>The stems of every word of <paramref name="text"/>, stop words included, for matching against.</summary>
    public static HashSet<string> Vocabulary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            var stem = Stem(Normalize(word));
            stems.Add(stem);
            if (Abbreviations.TryGetValue(stem, out var written))
            {
                stems.Add(written);
            }

            if (word.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    stems.Add(Stem(Normalize(part)));
                }
            }
        }

        return stems;
    }

    /// <summary>The stem of a single content word, or null for stop words, numbers and very short words.</summary>
    public static string? StemOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var normalized = Normalize(word);
        if (normalized.Length < 3 || StopWords.Contains(normalized) || !char.IsLetter(normalized[0]))
        {
            return null;
        }

        return Stem(normalized);
    }

    /// <summary>True when the stem occurs in the vocabulary, directly or as part of a compound.</summary>
    public static bool Occurs(string stem, IReadOnlySet<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Contains(stem))
        {
            return true;
        }

        if (stem.Length < MinimumContainmentLength)
        {
            // A short stem still heads a compound: "steu" (Steuer) in "steuersatz", "kind" in "kindergarten".
            return stem.Length >= MinimumPrefixLength && vocabulary.Any(word => word.Length >= stem.Length + 3 && word.StartsWith(stem, StringComparison.Ordinal));
        }

        foreach (var word in vocabulary)
        {
            if (word.Length >= MinimumContainmentLength && (word.Contains(stem, StringComparison.Ordinal) || stem.Contains(word, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the stem occurs as a word of the vocabulary or inside one (<c>hecke</c> in <c>hecken</c>,
    /// <c>grundsteu</c> in <c>grundsteuerbescheid</c>), but not when only a part of it does: the question's
    /// <c>rundfunkbeitrag</c> is not the passage's <c>beitrag</c>. The strict test for whether a text names a matter.
    /// </summary>
    public static bool OccursWhole(string stem, IReadOnlySet<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Contains(stem))
        {
            return true;
        }

        return stem.Length >= MinimumContainmentLength
            ? vocabulary.Any(word => word.Contains(stem, StringComparison.Ordinal))
            : stem.Length >= MinimumPrefixLength && vocabulary.Any(word => word.Length >= stem.Length + 3 && word.StartsWith(stem, StringComparison.Ordinal));
    }

    /// <summary>
    /// How fully a stem occurs, by the head of the compounds involved (a German compound names what its last part names):
    /// 1 where a word is it or ends in it, less a suffix (<c>fischereischei</c> in <c>jahresfischereischein</c>: a
    /// Fischereischein; <c>vollmacht</c> in <c>bevollmachtigt</c>), or where the question's compound is written apart
    /// (<c>hundesteu</c> as <c>steu</c> with <c>hund</c> beside it: "Die Steuer … für jeden Hund"); <see cref="ModifierStrength"/>
    /// where it is only the modifier of a longer compound (<c>hundesteu</c> in <c>hundesteuermark</c>: a Marke, not the tax)
    /// or only the head of the question's compound occurs; 0 where it does not occur.
    /// </summary>
    /// <param name="context">Further stems that may hold the modifier of a compound written apart (the norm's title).</param>
    public static double Strength(string stem, IReadOnlySet<string> vocabulary, IReadOnlySet<string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Contains(stem) || (stem.Length >= MinimumContainmentLength && vocabulary.Any(word => word.Length > stem.Length && IsHeadOf(stem, word))))
        {
            return 1;
        }

        // The question's compound written apart: its head is a word of the text and its modifier stands beside it. A short
        // prefix is no modifier ("beantragen" is the "Antrag" of the text).
        foreach (var word in vocabulary)
        {
            if (word.Length >= MinimumPrefixLength && stem.Length > word.Length && IsHeadOf(word, stem))
            {
                var start = stem.LastIndexOf(word, StringComparison.Ordinal);
                var modifier = stem[..start].TrimEnd('s');
                if (start <= MaximumPrefixLength || OccursWord(modifier, vocabulary) || (context is not null && OccursWord(modifier, context)))
                {
                    return 1;
                }
            }
        }

        return Occurs(stem, vocabulary) ? ModifierStrength : 0;
    }

    /// <summary>The weight of a stem that occurs only as a part of a word that names something else.</summary>
    public const double ModifierStrength = 0.5;

    /// <summary>Letters before a head that make a derived word, not a compound ("be-", "ver-", "ent-").</summary>
    private const int MaximumPrefixLength = 3;

    /// <summary>Letters after a head that are a suffix ("-s", "-en", "-igt", "-ung"), not a further word of a compound.</summary>
    private const int MaximumSuffixLength = 3;

    /// <summary>True when <paramref name="head"/> ends <paramref name="word"/>, less a suffix.</summary>
    private static bool IsHeadOf(string head, string word)
    {
        var index = word.LastIndexOf(head, StringComparison.Ordinal);
        return index >= 0 && word.Length - index - head.Length <= MaximumSuffixLength;
    }

    private static bool OccursWord(string stem, IReadOnlySet<string> vocabulary) =>
        vocabulary.Contains(stem) || vocabulary.Contains(Stem(stem)) || vocabulary.Any(word => word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= 2);

    /// <summary>How many of <paramref name="stems"/> occur in <paramref name="vocabulary"/>.</summary>
    public static int CountOccurring(IEnumerable<string> stems, IReadOnlySet<string> vocabulary) =>
        stems.Count(stem => Occurs(stem, vocabulary));

    /// <summary>The words of a text as they are written (letters, digits, inner hyphens).</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(match => match.Value);

    private static string Normalize(string word) =>
        word.ToLower(CultureInfo.InvariantCulture)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Replace('ä', 'a').Replace('ö', 'o').Replace('ü', 'u')
            .Trim('-');

    private static string Stem(string word)
    {
        // The infinitive of a separable verb carries "zu" inside ("anzudrohen", "vorzulegen"): without it, it shares the stem
        // of the verb and its noun ("androhen", "Androhung"). Participles ("zugelassen") stay: "zulassen" would match
        // "zulässig", which says something else.
        if (SeparableVerbForm().Match(word) is { Success: true } form)
        {
            word = form.Groups["prefix"].Value + form.Groups["rest"].Value;
        }

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?<prefix>ab|an|auf|aus|bei|ein|fest|frei|mit|nach|vor|weg|zuruck)zu(?<rest>[a-z]{3,}en)$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparableVerbForm();
}
