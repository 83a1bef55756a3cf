namespace Wissensassistent.Core.Text;

/// <summary>
/// Brings the zu-infinitive and the weak past participle of a separable verb to the stem of its infinitive: statutes write
/// "ist innerhalb von sechs Monaten aufzustellen", "festzustellen", questions ask "bis wann muss er aufgestellt sein". The light
/// stemmer leaves "aufzustell", "aufgestellt" and "aufstell" three terms apart. Only after a separable particle, where "zu" and
/// "ge" are the verb's own infixes ("auf|zu|stellen", "fest|ge|stellt"); strong participles ("ausgeschlossen") and words whose
/// rest cannot start a verb ("Abzugs…", "Umzugs…") stay as they are.
/// </summary>
internal static class SeparableVerbForms
{
    /// <summary>Separable particles, longest first so that "zurück" is not read as "zu".</summary>
    private static readonly string[] Particles =
        ["zusammen", "zuruck", "heraus", "voran", "fest", "frei", "nach", "teil", "auf", "aus", "bei", "ein", "mit", "vor", "weg", "dar", "her", "hin", "ab", "an", "um", "zu"];

    /// <summary>The verb's rest must carry a syllable of its own.</summary>
    private const int MinRestLength = 3;

    /// <summary>The stem of the infinitive for a zu-infinitive or weak participle of a separable verb; otherwise <paramref name="stem"/>.</summary>
    /// <param name="folded">The folded word (<see cref="GermanNormalizer"/>).</param>
    /// <param name="stem">Its light stem (<see cref="GermanStemmer"/>).</param>
    public static string Normalize(string folded, string stem)
    {
        foreach (var particle in Particles)
        {
            if (!folded.StartsWith(particle, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = folded.AsSpan(particle.Length);

            // "auf|zu|stellen" → "aufstellen". Not the gerundive ("die Auszubildenden"): folded to "Ausbildende" it would make
            // the apprentice the trainer, two roles the law keeps apart.
            if (rest.StartsWith("zu", StringComparison.Ordinal) && rest.Length - 2 >= MinRestLength + 2 && CanStartVerb(rest[2..]) && !IsGerundive(rest))
            {
                return GermanStemmer.Stem(string.Concat(particle, rest[2..]));
            }

            // "fest|ge|stellt" → "feststell", "an|ge|ordnet" → "anordn"
            var stemRest = stem.AsSpan(Math.Min(particle.Length, stem.Length));
            if (stemRest.StartsWith("ge", StringComparison.Ordinal) && stem.EndsWith('t'))
            {
                var verb = stemRest[2..^1];
                if (verb.Length > 2 && verb[^1] == 'e' && verb[^2] is 'd' or 't' or 'n')
                {
                    verb = verb[..^1];
                }

                if (verb.Length >= MinRestLength && CanStartVerb(verb))
                {
                    return string.Concat(particle, verb);
                }
            }

            return stem;
        }

        return stem;
    }

    /// <summary>A verb's rest starts with a vowel or a consonant that can open a German syllable with what follows ("gs" cannot).</summary>
    private static bool CanStartVerb(ReadOnlySpan<char> rest) =>
        rest.Length > 1 && (IsVowel(rest[0]) || IsVowel(rest[1])
            || (rest[1] is 'l' or 'r' && rest[0] is 'b' or 'p' or 'f' or 'g' or 'k' or 't' or 'd' or 'w')
            || (rest[1] == 'h' && rest[0] is 'c' or 's' or 'p' or 't')
            || (rest[0] == 's' && rest[1] is 'c' or 'p' or 't') || (rest[0] == 'z' && rest[1] == 'w'));

    private static bool IsGerundive(ReadOnlySpan<char> rest) =>
        rest.EndsWith("end", StringComparison.Ordinal) || rest.EndsWith("ende", StringComparison.Ordinal) || rest.EndsWith("enden", StringComparison.Ordinal)
        || rest.EndsWith("ender", StringComparison.Ordinal) || rest.EndsWith("endes", StringComparison.Ordinal) || rest.EndsWith("endem", StringComparison.Ordinal);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
