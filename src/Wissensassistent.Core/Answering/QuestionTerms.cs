
namespace Wissensassistent.Core.Answering;

/// <summary>
/// What a question is about, as <see cref="ContentTerms"/> stems: its own content words (a norm it names is matched as a
/// norm, not by its law's name) and the legal terms for its everyday words. The deployment's place names ("bei uns in Bad
/// Boll") are left out: every bylaw of the Gemeinde carries them, so they say nothing about the matter.
/// </summary>
/// <param name="Own">The question's own content stems, in order of first occurrence.</param>
/// <param name="Alternatives">Stems of legal terms for its everyday words that it does not hold itself.</param>
/// <param name="Nouns">The stems of <paramref name="Own"/> written with a capital letter: the nouns that name the matter.</param>
public sealed record QuestionTerms(IReadOnlyList<string> Own, IReadOnlyList<string> Alternatives, IReadOnlyList<string> Nouns)
{
    /// <summary>Nouns every administrative text uses for its bodies and its public: they name no matter.</summary>
    private static readonly HashSet<string> ActorNouns = new(
        ContentTerms.Extract("Gemeinde Gemeinden Landkreis Kreis Behörde Verwaltung Amt Bürger Bürgerin Bürgerinnen Einwohner Einwohnerin Person Personen Frau Mann Leute Kollege Kollegin Mitarbeiter Mitarbeiterin Sachbearbeiter Fall"),
        StringComparer.Ordinal);

    /// <summary>Pronouns and articles that follow the verb that opens a yes/no question.</summary>
    /// <summary>Words that after a sentence's first word make it the verb of a yes/no question ("Geht das …?", "Zahlt er …?").</summary>
    private static readonly HashSet<string> PronounAfterVerb = new(
        "das dies es er sie man wir ich ihr du jemand hier dort".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Articles and possessives follow a noun as often as a verb ("Kosten der Bestattung?", "Muss der Verein …?"): after
    /// one, the first word is taken as a verb only when it is a finite auxiliary or modal, a closed class of words.
    /// </summary>
    private static readonly HashSet<string> ArticleAfterVerb = new(
        "der die den dem des ein eine einen einem einer unser unsere mein meine sein seine ihre".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> FiniteAuxiliaries = new(
        "ist sind war waren wäre wären wird werden wurde wurden würde würden hat haben hatte hatten hätte hätten muss müssen musste mussten müsste darf dürfen durfte dürfte kann können konnte könnte soll sollen sollte sollten will wollen mag gibt gilt gelten braucht brauchen".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> All { get; } = [.. Own, .. Alternatives];

    /// <summary>
    /// What shows that a text is about the question's matter: its nouns and the legal terms for its everyday words, less the
    /// names of units, numbers and times (<see cref="QuestionIntents.IsFigureWord"/>) and of the actors every text names.
    /// </summary>
    public IReadOnlyList<string> MatterEvidence { get; } = [.. Nouns.Concat(Alternatives).Where(stem => !QuestionIntents.IsFigureWord(stem) && !ActorNouns.Contains(stem)).Distinct(StringComparer.Ordinal)];

    /// <summary>The question's own nouns among <see cref="MatterEvidence"/>.</summary>
    public IReadOnlyList<string> OwnMatterEvidence => [.. MatterEvidence.Where(stem => Nouns.Contains(stem, StringComparer.Ordinal))];

    public static QuestionTerms Of(string question, IEnumerable<string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Read(question, placeNames);
    }

    private static QuestionTerms Read(string question, IEnumerable<string>? placeNames)
    {
        var places = placeNames is null ? [] : ContentTerms.Extract(string.Join(' ', placeNames)).ToHashSet(StringComparer.Ordinal);
        var text = FollowUpResolver.WithoutNorms(question);
        var own = ContentTerms.Extract(text).Where(stem => !places.Contains(stem)).ToList();
        var nouns = ContentTerms.Extract(string.Join(' ', NounWords(text))).Where(stem => !places.Contains(stem)).ToList();
        return new QuestionTerms(own, ContentTerms.LegalAlternatives(question, own).Where(stem => !places.Contains(stem)).ToList(), nouns);
    }

    /// <summary>
    /// The words of the text written with a capital letter, as written: its nouns. A sentence's first word is capitalized
    /// whatever it is; followed by a pronoun it is the verb of a yes/no question ("Geht das noch?", "Zahlt er …?"), and
    /// followed by an article only when it is an auxiliary or modal ("Muss der Verein …?"); otherwise it is a noun
    /// ("Hundesteuer für …?", "Frist des Widerspruchs?").
    /// </summary>
    public static IEnumerable<string> NounWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var sentence in GermanSentenceSplitter.SplitToStrings(text))
        {
            var words = ContentTerms.Words(sentence).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                if (char.IsUpper(words[i][0]) && !(i == 0 && words.Count > 1 && OpensYesNoQuestion(words[0], words[1])))
                {
                    yield return words[i];
                }
            }
        }
    }

    /// <summary>
    /// True when a sentence of the text asks a yes/no question: it ends in a question mark and opens with its verb ("Bekommen
    /// sie die Fahrtkosten erstattet?", "Muss der Verein …?").
    /// </summary>
    public static bool AsksYesOrNo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GermanSentenceSplitter.SplitToStrings(text)
            .Where(sentence => sentence.TrimEnd().EndsWith('?'))
            .Select(sentence => ContentTerms.Words(sentence).Take(2).ToList())
            .Any(words => words.Count == 2 && OpensYesNoQuestion(words[0], words[1]));
    }

    private static bool OpensYesNoQuestion(string first, string second) =>
        PronounAfterVerb.Contains(second) || (ArticleAfterVerb.Contains(second) && FiniteAuxiliaries.Contains(first));

    /// <summary>
    /// The distinct matters among <paramref name="stems"/> that occur in the vocabulary: a stem inside another matched one
    /// counts once with it ("Grundstücksgrenze … Grenze" is one matter, not two). <paramref name="whole"/> asks that the
    /// vocabulary name the stem itself (<see cref="ContentTerms.OccursWhole"/>), not only a part of it.
    /// </summary>
    public static int Matters(IEnumerable<string> stems, IReadOnlySet<string> vocabulary, bool whole = false)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var kept = new List<string>();
        foreach (var stem in stems.Where(stem => whole ? ContentTerms.OccursWhole(stem, vocabulary) : ContentTerms.Occurs(stem, vocabulary)).OrderByDescending(stem => stem.Length))
        {
            if (!kept.Any(other => other.Contains(stem, StringComparison.Ordinal)))
            {
                kept.Add(stem);
            }
        }

        return kept.Count;
    }
}
