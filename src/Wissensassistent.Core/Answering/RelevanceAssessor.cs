using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Decides which retrieved passages may ground an answer. Fused search scores are only comparable within one result and say
/// nothing absolute, so the test is lexical and explainable: a passage (heading path, title and text) is relevant when it
/// contains at least <see cref="AnswerOptions.MinMatchedTerms"/> of the question's content words (fewer if the question has
/// fewer) and at least <see cref="AnswerOptions.MinTermCoverage"/> of them (see <see cref="ContentTerms"/> for matching).
/// One legal term for the question's everyday words (<see cref="ContentTerms.LegalAlternatives"/>) counts as a match too.
/// A passage of a norm the question names (<c>§ 35 BauGB</c>) is always relevant; repealed passages never are. The other
/// retrieved passages of a relevant norm are relevant too.
/// </summary>
public static class RelevanceAssessor
{
    /// <summary>Passages of one norm among those that ground an answer, so that one long norm does not crowd out the rest.</summary>
    private const int MaxPassagesPerNorm = 3;

    /// <param name="placeNames">The deployment's Gemeinde, Landkreis and Land: not content words (see <see cref="QuestionTerms"/>).</param>
    public static RelevanceAssessment Assess(string question, SearchResult result, AnswerOptions options, int maxPassages, IEnumerable<string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);

        // A named norm is matched through NamedNorms; its law abbreviation would match every passage of that law.
        var questionTerms = QuestionTerms.Of(question, placeNames);
        var terms = questionTerms.Own;
        var alternatives = questionTerms.Alternatives;
        var named = result.NamedNorms.Select(norm => norm.NormKey).ToHashSet(StringComparer.Ordinal);
        var required = RequiredMatches(terms.Count, options);
        // A question told as a case ("… einen Welpen geholt. Ab wann zahlt sie Hundesteuer?"): a passage that names every
        // matter of the asking sentences is on the matter, whatever the story's words.
        var asked = QuestionTerms.Of(AskingSentences(question), placeNames).OwnMatterEvidence;
        bool MatchesEnough(IReadOnlySet<string> vocabulary) =>
            ContentTerms.CountOccurring(terms, vocabulary) + Math.Min(1, ContentTerms.CountOccurring(alternatives, vocabulary)) >= required
            || (asked.Count > 0 && ContentTerms.CountOccurring(asked, vocabulary) == asked.Count);

        // A norm is relevant when one of its passages is; its other retrieved passages (the Absatz with the figure that
        // does not repeat the question's words) then count too.
        var relevantNorms = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed && (named.Contains(hit.Chunk.Citation.NormKey) || MatchesEnough(Vocabulary(hit.Chunk))))
            .Select(hit => hit.Chunk.Citation.NormKey)
            .ToHashSet(StringComparer.Ordinal);
        var relevant = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed && relevantNorms.Contains(hit.Chunk.Citation.NormKey))
            .GroupBy(hit => hit.Chunk.Citation.NormKey, StringComparer.Ordinal)
            .SelectMany(norm => norm.Take(MaxPassagesPerNorm))
            .OrderBy(hit => hit.Rank)
            .Take(maxPassages)
            .ToList();

        var nearest = result.Hits
            .Where(hit => !hit.Chunk.IsRepealed)
            .Select(hit => hit.Chunk)
            .DistinctBy(chunk => chunk.Citation.NormKey)
            .Take(options.NearestNormsOnRefusal)
            .ToList();
        return new RelevanceAssessment(relevant, nearest, terms);
    }

    /// <summary>
    /// The second half of the gate: a question that asks outright for a figure (<see cref="QuestionIntents.AskedFigure"/>:
    /// "Wie viel …", "Bis wann …") is answered only when a relevant norm that is about the matter (two of the nouns of the
    /// asking sentences in its text and titles, or their only one) states a figure of that kind in a sentence, list item or
    /// table row that names one of them (a sentence may also stand in a norm that names them all). Units and numbers of the question ("drei Meter hoch") are no evidence: a norm that merely
    /// mentions the matter and leaves the figure to another text (a fee ordinance, a state regulation the corpus lacks)
    /// does not answer it, and neither does a figure about something else in a norm that shares one word.
    /// </summary>
    /// <param name="unknownToCorpus">Stems of the question's nouns that no passage of the corpus holds ("Erdgrab" where the
    /// bylaw says "Reihengrab"): no norm can name them, so a norm whose title or heading names the other nouns of the asking
    /// sentences need not.</param>
    public static bool StatesAskedFact(string question, IReadOnlyList<Chunk> relevant, IEnumerable<string>? placeNames = null, IReadOnlySet<string>? unknownToCorpus = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(relevant);
        var intent = QuestionIntents.AskedFigure(question);
        if (intent == QuestionIntent.None)
        {
            return true;
        }

        // The matter is what the sentences that ask for the figure name; the story around them ("einen Welpen geholt") need
        // not be in the norm.
        var terms = QuestionTerms.Of(AskingSentences(question), placeNames);
        var evidence = terms.MatterEvidence;

        // The sentence with the figure may name what the story named before ("Wir wollen ein Zwangsgeld androhen. Wie hoch
        // darf das sein?").
        var readingEvidence = QuestionTerms.Of(question, placeNames).MatterEvidence;
        var allOwn = terms.OwnMatterEvidence;
        var known = unknownToCorpus is { Count: > 0 } ? allOwn.Where(stem => !unknownToCorpus.Contains(stem)).ToList() : allOwn;
        foreach (var norm in relevant.Where(chunk => !chunk.IsRepealed).GroupBy(chunk => chunk.Citation.NormKey, StringComparer.Ordinal))
        {
            var titles = ContentTerms.Vocabulary(string.Join('\n', norm.Select(chunk => $"{chunk.NormTitle}\n{chunk.HeadingPath.LastOrDefault()}\n{chunk.Citation.Law}\n{chunk.LawTitle}").Distinct(StringComparer.Ordinal)));
            var vocabulary = new HashSet<string>(titles, StringComparer.Ordinal);
            foreach (var chunk in norm)
            {
                vocabulary.UnionWith(ContentTerms.Vocabulary(chunk.Text));
            }

            // The nouns the corpus lacks drop out only where the norm's heading names all the others: "§ 8 Ruhezeit" for
            // the Ruhezeit of an "Erdgrab", not any norm that mentions a Ruhezeit in passing.
            var headings = ContentTerms.Vocabulary(string.Join('\n', norm.Select(chunk => $"{chunk.NormTitle}\n{chunk.HeadingPath.LastOrDefault()}").Distinct(StringComparer.Ordinal)));
            var own = known.Count > 0 && known.Count < allOwn.Count && QuestionTerms.Matters(known, headings, whole: true) >= QuestionTerms.Matters(known, known.ToHashSet(StringComparer.Ordinal))
                ? known
                : allOwn;
            var ownMatters = QuestionTerms.Matters(own, own.ToHashSet(StringComparer.Ordinal));
            var normMatters = QuestionTerms.Matters(own.Count < allOwn.Count ? own : evidence, vocabulary);
            if (normMatters < Math.Min(2, ownMatters))
            {
                continue;
            }

            // A figure counts where its own words name the matter (the matter itself: "Beitrag" is not "Rundfunkbeitrag"); a
            // plain sentence also in a norm that names all of it.
            var coversAll = QuestionTerms.Matters(own, vocabulary, whole: true) >= ownMatters;
            foreach (var (reading, plain) in norm.SelectMany(chunk => AnswerUnits.Of(chunk.Text)).SelectMany(Readings))
            {
                if (QuestionIntents.StatesFigure(intent, reading)
                    && ((plain && coversAll) || QuestionTerms.Matters(readingEvidence, ContentTerms.Vocabulary(reading), whole: true) > 0))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// For a passage found only by a wider search: it states the asked figure (<see cref="StatesAskedFact"/>) and names every
    /// noun of the asking sentences in its text or titles, the stricter test for a passage ranked far below the first hits.
    /// </summary>
    public static bool StatesAskedFactForTheWholeMatter(string question, Chunk chunk, IEnumerable<string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chunk);
        var own = QuestionTerms.Of(AskingSentences(question), placeNames).OwnMatterEvidence;
        if (own.Count == 0 || chunk.IsRepealed)
        {
            return false;
        }

        var vocabulary = ContentTerms.Vocabulary($"{chunk.SearchText}\n{chunk.NormTitle}\n{chunk.Citation.Law}\n{chunk.LawTitle}");
        return QuestionTerms.Matters(own, vocabulary) >= QuestionTerms.Matters(own, own.ToHashSet(StringComparer.Ordinal))
            && StatesAskedFact(question, [chunk], placeNames);
    }

    /// <summary>The sentences of a question that ask (a question mark, or a request for a figure); the whole question when none does.</summary>
    private static string AskingSentences(string question)
    {
        var asking = string.Join(' ', GermanSentenceSplitter.SplitToStrings(question)
            .Where(sentence => sentence.TrimEnd().EndsWith('?') || QuestionIntents.AskedFigure(sentence) != QuestionIntent.None));
        return asking.Length > 0 ? asking : question;
    }

    /// <summary>What can be read on its own: a sentence, each list item after its opener, a table row under its header.</summary>
    private static IEnumerable<(string Text, bool Plain)> Readings(AnswerUnit unit)
    {
        if (unit.Header is not null || !unit.IsList)
        {
            yield return (unit.Text, unit.Header is null);
            yield break;
        }

        yield return (unit.Parts[0], true);
        foreach (var item in unit.Parts.Skip(1))
        {
            yield return ($"{unit.Parts[0]} {item}", false);
        }
    }

    /// <summary>How many of the question's content stems the passage contains.</summary>
    public static int Matches(Chunk chunk, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return 0;
        }

        return ContentTerms.CountOccurring(terms, Vocabulary(chunk));
    }

    /// <summary>The stems a passage is matched against: its search text (heading path and text), norm title and law.</summary>
    private static HashSet<string> Vocabulary(Chunk chunk) =>
        ContentTerms.Vocabulary($"{chunk.SearchText}\n{chunk.NormTitle}\n{chunk.Citation.Law}");

    /// <summary>
    /// Without content words (a bare "§ 35 BauGB?") only named norms qualify. A question of two content words ("Sporthalle
    /// mieten?") names its matter and one aspect in words of its own; a passage among the best hits that shares one of them
    /// is on the matter, as the search that ranked it found.
    /// </summary>
    private static int RequiredMatches(int termCount, AnswerOptions options) =>
        termCount switch
        {
            0 => int.MaxValue,
            <= 2 => 1,
            _ => Math.Max(Math.Min(options.MinMatchedTerms, termCount), (int)Math.Ceiling(options.MinTermCoverage * termCount)),
        };
}
