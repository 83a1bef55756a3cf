using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Text;

/// <summary>
/// Productive German derivation that light stemming leaves apart: the verb and its -ung noun (<c>ehr</c> ↔ <c>ehrung</c>,
/// <c>kundig</c> ↔ <c>kundigung</c>), the adjective and its -keit/-heit noun, the -bar adjective and its verb, and
/// separable verbs a question splits ("melde … an" → "anmelde"). The forms are guesses on stems; a caller keeps only those the index knows.
/// </summary>
public static partial class GermanWordFamily
{
    /// <summary>Shorter stems ("ab", "tu") would relate by accident.</summary>
    private const int MinStemLength = 3;

    /// <summary>
    /// Strong verbs whose present or past changes the stem vowel ("gilt", "galt" of "gelten"), which light stemming keeps
    /// apart from the infinitive and its nouns; each row is one family, its words as written. Only verbs of the kind clerks
    /// ask with ("Wie lange gilt …", "Wann erlischt …", "Wer trägt die Kosten"), each with the nouns the statutes use.
    /// </summary>
    private static readonly string[][] StrongVerbRows =
    [
        ["gelten", "gilt", "galt", "Geltung", "gültig", "Gültigkeit"],
        ["erlöschen", "erlischt", "erlosch"],
        ["treten", "tritt", "trat"],
        ["tragen", "trägt", "trug"],
        ["nehmen", "nimmt", "nahm"],
        ["geben", "gibt", "gab"],
        ["halten", "hält", "hielt"],
        ["erhalten", "erhält", "erhielt"],
        ["lassen", "lässt", "ließ"],
        ["fallen", "fällt", "fiel"],
        ["entfallen", "entfällt", "entfiel"],
        ["sterben", "stirbt", "starb"],
        ["sprechen", "spricht", "sprach"],
        ["helfen", "hilft", "half"],
        ["messen", "misst", "maß"],
        ["schließen", "schließt", "schloss"],
        ["bewerben", "bewirbt", "bewarb", "Bewerbung"],
    ];

    /// <summary>Each stem of <see cref="StrongVerbRows"/> to the other stems of its row.</summary>
    private static readonly Dictionary<string, string[]> StrongVerbFamilies = StrongVerbRows
        .Select(row => row.Select(word => GermanStemmer.Stem(GermanNormalizer.Normalize(word))).Distinct(StringComparer.Ordinal).ToArray())
        .SelectMany(stems => stems.Select(stem => (stem, Others: stems.Where(s => s != stem).ToArray())))
        .GroupBy(entry => entry.stem, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.SelectMany(entry => entry.Others).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>Separable verb particles, longest first so that "zurück" is not read as "zu".</summary>
    private static readonly string[] Particles =
        ["zusammen", "zuruck", "zurück", "heraus", "voran", "fest", "frei", "nach", "teil", "auf", "aus", "bei", "ein", "mit", "vor", "weg", "dar", "her", "hin", "los", "ab", "an", "um", "zu"];

    /// <summary>
    /// Stems of the same word family as <paramref name="stem"/> (an analysed, folded term), without the stem itself: the
    /// -ung noun of a verb, the -keit/-heit noun of an adjective, the verb and its -ung noun of a -bar adjective. Only these
    /// directions: the verb of an -ung noun and the verb of a participle were measured to bring more wrong passages than
    /// right ones (a question's "Genehmigung" then matches every "genehmigen").
    /// </summary>
    public static IReadOnlyList<string> RelatedStems(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var related = new List<string>();
        if (stem.Length < MinStemLength || !stem.All(char.IsLetter))
        {
            return related;
        }

        if (StrongVerbFamilies.TryGetValue(stem, out var family))
        {
            related.AddRange(family);
        }

        if (!stem.EndsWith("ung", StringComparison.Ordinal))
        {
            related.Add(stem + "ung");
        }

        if ((TrimEnd(stem, "keit") ?? TrimEnd(stem, "heit")) is { } adjective)
        {
            related.Add(adjective);
        }
        else if (stem.EndsWith("ig", StringComparison.Ordinal) || stem.EndsWith("lich", StringComparison.Ordinal) || stem.EndsWith("bar", StringComparison.Ordinal) || stem.EndsWith("sam", StringComparison.Ordinal))
        {
            related.Add(stem + "keit");
        }

        if (TrimEnd(stem, "bar") is { } able)
        {
            related.Add(able);
            related.Add(able + "ung");
        }

        return related.Where(r => r != stem && r.Length >= MinStemLength).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// "Wann melde ich das Kind an?": a particle that ends a clause joins each lower-case word before it in that clause
    /// ("anmelde"); nouns are capitalised, so they are left out. The joined words are surface forms for the analyser.
    /// </summary>
    public static IReadOnlyList<string> SeparableVerbs(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var joined = new List<string>();
        foreach (var clause in ClauseBoundary().Split(question))
        {
            var words = WordPattern().Matches(clause).Select(m => m.Value).ToList();
            if (words.Count < 2 || !Particles.Contains(words[^1], StringComparer.Ordinal))
            {
                continue;
            }

            var particle = words[^1];
            joined.AddRange(words.Take(words.Count - 1).Where(w => w.Length >= MinStemLength && char.IsLower(w[0]) && !GermanStopWords.Contains(GermanNormalizer.Normalize(w))).Select(w => particle + w));
        }

        return joined.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? TrimEnd(string stem, string suffix) =>
        stem.Length - suffix.Length >= MinStemLength && stem.EndsWith(suffix, StringComparison.Ordinal) ? stem[..^suffix.Length] : null;

    [GeneratedRegex(@"[,;:.!?\n]+")]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
