using System.Text;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// An answer without a language model, verbatim from the sources. First the direct answer: the one
/// <see cref="AnswerUnit"/> (sentence, list opener with its items, or table row with its header) of the best source that
/// states what the question asks for (<see cref="QuestionIntents"/>: the amount, the deadline, who decides, whether it is
/// allowed). Then at most <see cref="AnswerOptions.MaxExtractiveSentences"/> − 1 units (more for a question of several
/// parts, <see cref="QuestionParts"/>) with the conditions, exceptions and
/// the competent body, in statute order. Every unit is quoted once, each with its marker, citation and Stand. A unit scores
/// by the question's content words it shares (the norm's title counts for all its units), by the asked fact it states, and
/// by its source's rank. The label "extractive" travels as a notice, not in the text.
/// </summary>
public static partial class ExtractiveAnswerComposer
{
    public const string Label = "Extraktive Antwort: zusammengestellt aus den Fundstellen, ohne Sprachmodell.";

    /// <summary>Shown before the units that follow the direct answer.</summary>
    public const string MoreHeading = "Dazu im Einzelnen:";

    /// <summary>Stems of the measure words of "wie hoch", "wie lange", "wie viel", "wie oft", "wie weit", "wie teuer".</summary>
    private static readonly HashSet<string> MeasureWords = new(ContentTerms.Extract("hoch hohe lang lange viel oft weit teuer"), StringComparer.Ordinal);

    private const double RankDecay = 0.2;

    private const double LeadBonus = 0.25;

    private const double TitleWeight = 0.5;

    /// <summary>A unit that states the asked fact ("Wie hoch …" → "… beträgt 900,00 €") counts as a strong match.</summary>
    private const double FactBonus = 1.5;

    /// <summary>
    /// A unit stating the asked figure in a norm whose heading names that kind of figure ("§ 5 Steuersatz" for "Wie hoch ist
    /// die Hundesteuer?"): the rule for the asked matter, not a figure a neighbouring norm names in passing (the Gebühr for a
    /// lost Steuermarke).
    /// </summary>
    private const double HeadingBonus = 1.5;

    private const double SameNormBonus = 0.5;

    /// <summary>A follower from the direct answer's own Absatz: the rule's other sentences complete it first.</summary>
    private const double SamePassageBonus = 0.5;

    private const double ConditionBonus = 0.3;

    /// <summary>Sentences after the direct answer in its Absatz that are read for its conditions and exceptions.</summary>
    private const int QualifierReach = 2;

    /// <summary>Share of shared words (of all words of both) from which a unit of another norm repeats one already quoted.</summary>
    private const double ParallelOverlap = 0.6;

    /// <summary>Units that follow the direct answer must score at least this share of it.</summary>
    private const double FollowerFloor = 0.35;

    /// <summary>A unit stating the asked amount or time span is preferred as the direct answer over a better match that states none, down to this share.</summary>
    private const double FactPreference = 0.6;

    /// <summary>
    /// Units quoted from a norm other than the direct answer's: the direct answer's own norm may fill the answer (its
    /// conditions, exceptions and deadlines are what completes it), another norm adds at most this many.
    /// </summary>
    private const int MaxUnitsPerOtherNorm = 2;

    /// <summary>Units of the direct answer's norm, itself included, so that a second norm can still speak.</summary>
    private const int MaxUnitsPerBestNorm = 4;

    /// <summary>Items of a list quoted in full when the list is this short; longer lists show the matching items.</summary>
    private const int ShortList = 4;

    /// <summary>Items of the direct answer's list quoted in full up to this many.</summary>
    private const int DirectAnswerList = 8;

    /// <param name="placeNames">The deployment's Gemeinde, Landkreis and Land, which are no content words (<see cref="QuestionTerms"/>).</param>
    public static string Compose(string question, IReadOnlyList<Chunk> sources, AnswerOptions options, IEnumerable<string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);

        var terms = QuestionTerms.Of(question, placeNames).All;
        var intent = QuestionIntents.Of(question);
        var candidates = Candidates(sources, terms, intent, options);
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        // A unit that leaves the matter to another text shares the question's words and answers nothing: quoted only when
        // nothing else matches.
        var matching = candidates.Where(c => c.Strength > 0 || c.TitleMatched > 0).ToList();
        if (matching.Any(c => !QuestionIntents.DelegatesTheMatter(c.Unit.Text)))
        {
            matching.RemoveAll(c => QuestionIntents.DelegatesTheMatter(c.Unit.Text));
        }

        var pool = matching.Count > 0 ? matching : candidates.Where(c => c.Unit.IsLead).ToList();
        var best = pool.MaxBy(c => c.Score)!;
        if (best.Facts < 1 && DirectFact(pool, best) is { } factual)
        {
            best = factual;
        }
        else if (best.Facts <= 0
            && pool.Where(c => c.Facts > 0 && c.Relevance >= best.Relevance).MaxBy(c => (c.Relevance, c.Score)) is { } stating)
        {
            // "Darf er …?", "Wer entscheidet …?": the sentence that says "ist verpflichtet" or names the body, not one that
            // shares as many words and says neither.
            best = stating;
        }

        // The figure of the norm headed by the kind asked ("§ 6 Gültigkeitsdauer") before one a better-ranked norm states on
        // the side (how long the register keeps data), where it shares as much of the question.
        if (best.Facts >= 1 && !best.NamesAsked
            && pool.Where(c => c.NamesAsked && c.Facts >= best.Facts && c.Relevance >= best.Relevance).MaxBy(c => (c.Relevance, c.Score)) is { } headed)
        {
            best = headed;
        }

        // Rule and exception of one passage ("Die Steuer beträgt … 165,00 €. Für … Kampfhunde … abweichend von Satz 1 …"): the
        // exception answers where it names something of the question the rule does not ("… für einen Kampfhund?"), the
        // rule otherwise, each stating as much of the asked fact.
        bool NamesMore(Candidate a, Candidate b) =>
            terms.Any(term => ContentTerms.Strength(term, a.Vocabulary) > 0 && ContentTerms.Strength(term, b.Vocabulary) == 0);
        var isException = QuestionIntents.StatesException(best.Display);
        if (pool.Where(c => c.Source == best.Source && c.Facts >= best.Facts && QuestionIntents.StatesException(c.Display) != isException)
                .Where(c => isException ? !NamesMore(best, c) : c.Facts >= 1 && NamesMore(c, best))
                .MaxBy(c => c.Score) is { } other)
        {
            best = other;
        }

        // The direct answer's list is its conditions: quoted whole unless long ("Anspruch hat, wer 1. … 2. … 3. …").
        if (best.Unit.IsList && best.Unit.Parts.Count - 1 > ShortList && best.Unit.Parts.Count - 1 <= DirectAnswerList)
        {
            best = best with { Display = Display(best.Unit, terms, intent, options.MaxQuoteLength, DirectAnswerList) };
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { Fold(best.Display) };
        var cap = QuestionParts.UnitCap(question, options);
        var partAnswers = PartAnswers(question, pool, best, placeNames).ToList();
        Candidate[] anchors = [best, .. partAnswers];
        var followers = partAnswers
            .Concat(Qualifiers(candidates, best))
            .Where(c => seen.Add(Fold(c.Display)))
            .Take(Math.Max(0, cap - 1))
            .ToList();

        // The norms that answer a part of the question may fill the answer like the direct answer's own norm.
        var leading = followers.Select(c => c.NormKey).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in pool
            .Where(c => !c.IsSameUnit(best))
            .Select(c => (Candidate: c, Score: FollowerScore(c, anchors, sources[c.Source])))
            .Where(c => c.Score >= FollowerFloor * best.Score)
            .OrderByDescending(c => c.Score)
            .Select(c => c.Candidate))
        {
            if (followers.Count >= Math.Max(0, cap - 1))
            {
                break;
            }

            var sameNorm = string.Equals(candidate.NormKey, best.NormKey, StringComparison.Ordinal) || leading.Contains(candidate.NormKey);
            var fromNorm = followers.Count(f => string.Equals(f.NormKey, candidate.NormKey, StringComparison.Ordinal));
            if (fromNorm + (sameNorm ? 1 : 0) < (sameNorm ? MaxUnitsPerBestNorm : MaxUnitsPerOtherNorm)
                && !followers.Append(best).Any(chosen => IsParallel(candidate, chosen))
                && seen.Add(Fold(candidate.Display)))
            {
                followers.Add(candidate);
            }
        }

        // Read like the statute: norms in the order of their best source, within a norm Absatz 1 before Absatz 5.
        var normOrder = followers.Append(best)
            .GroupBy(c => sources[c.Source].Citation.NormKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Source), StringComparer.Ordinal);
        var ordered = followers
            .OrderBy(c => normOrder[sources[c.Source].Citation.NormKey])
            .ThenBy(c => sources[c.Source].Ordinal)
            .ThenBy(c => c.Source)
            .ThenBy(c => c.Unit.Position)
            .ToList();

        var text = new StringBuilder(Line(best, sources[best.Source]));
        if (ordered.Count > 0)
        {
            text.Append("\n\n").Append(MoreHeading);
            foreach (var candidate in ordered)
            {
                text.Append("\n- ").Append(Line(candidate, sources[candidate.Source]));
            }
        }

        return text.ToString();
    }

    /// <summary>A short Stand for the citation: the date of the last amendment where the Stand names one.</summary>
    public static string ShortStand(string? stand)
    {
        if (string.IsNullOrWhiteSpace(stand))
        {
            return "unbekannt";
        }

        var trimmed = stand.Trim();
        if (trimmed.Length <= 40)
        {
            return trimmed;
        }

        var dates = DatePattern().Matches(trimmed);
        return dates.Count > 0 ? dates[0].Value : trimmed[..40].TrimEnd() + " …";
    }

    private static List<Candidate> Candidates(IReadOnlyList<Chunk> sources, IReadOnlyList<string> terms, QuestionIntent intent, AnswerOptions options)
    {
        // "Wie hoch", "wie lange" say which figure is asked, not what it is about: "höchstens eintausend Euro" is no match for
        // "Wie hoch ist die Zwingersteuer?".
        var matterTerms = terms.Where(term => !MeasureWords.Contains(term)).ToList();
        if (matterTerms.Count == 0)
        {
            matterTerms = [.. terms];
        }

        var candidates = new List<Candidate>();
        var normRanks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var source = 0; source < sources.Count; source++)
        {
            var chunk = sources[source];
            if (chunk.IsRepealed)
            {
                continue;
            }

            var normRank = normRanks.TryGetValue(chunk.Citation.NormKey, out var known) ? known : normRanks[chunk.Citation.NormKey] = normRanks.Count;
            var title = ContentTerms.Vocabulary($"{chunk.NormTitle}\n{chunk.HeadingPath.LastOrDefault()}");
            var titleMatched = ContentTerms.CountOccurring(terms, title);
            var namesAsked = QuestionIntents.HeadingNamesAsked(intent, chunk.NormTitle ?? chunk.HeadingPath.LastOrDefault());
            foreach (var unit in AnswerUnits.Of(chunk.Text).Where(unit => !IsEditorialNote(unit) && !IsFragment(unit)))
            {
                var display = Display(unit, terms, intent, options.MaxQuoteLength);
                if (ContentTerms.Words(display).Count() < 3)
                {
                    continue;
                }

                var vocabulary = ContentTerms.Vocabulary(unit.Header is null ? display : $"{unit.Caption} {unit.Header} {display}");
                var matched = ContentTerms.CountOccurring(terms, vocabulary);
                var strength = matterTerms.Sum(term => ContentTerms.Strength(term, vocabulary, title));
                var facts = QuestionIntents.FactsStated(intent, display);
                var relevance = strength + (TitleWeight * titleMatched);
                var stated = relevance > 0 ? (FactBonus * facts) + (namesAsked && facts >= 1 ? HeadingBonus : 0) : 0;
                var score = (relevance + stated + (unit.IsLead ? LeadBonus : 0)) / (1 + (RankDecay * normRank));
                candidates.Add(new Candidate(source, chunk.Citation.NormKey, chunk.Citation.Law, unit, display, matched, titleMatched, facts, score) { NormRank = normRank, Vocabulary = vocabulary, TitleVocabulary = title, Strength = strength, NamesAsked = namesAsked });
            }
        }

        return candidates;
    }

    /// <summary>
    /// The unit stating the asked amount or time span that replaces a better match stating none: one of the same norm when
    /// it scores close enough; else, from any norm, the one sharing most of the question, if it shares as much as the
    /// better match (a lower rank alone does not make the sentence with the figure the wrong one).
    /// </summary>
    private static Candidate? DirectFact(IReadOnlyList<Candidate> pool, Candidate best)
    {
        var factual = pool.Where(c => c.Facts >= 1 && c.Relevance > 0).ToList();
        if (factual.Where(c => string.Equals(c.NormKey, best.NormKey, StringComparison.Ordinal)).MaxBy(c => c.Score) is { } own
            && own.Score >= FactPreference * best.Score)
        {
            return own;
        }

        // The best-ranked one, unless another shares clearly more of the question (a whole word more).
        var other = factual.MaxBy(c => c.Score);
        if (other is not null && factual.MaxBy(c => (c.Relevance, c.Score)) is { } closer && closer.Relevance >= other.Relevance + 1)
        {
            other = closer;
        }

        return other is not null && (other.Relevance >= best.Relevance || other.Score >= FactPreference * best.Score) ? other : null;
    }

    /// <summary>
    /// For a question of several parts ("Wie hoch darf das Zwangsgeld sein, und was muss in der Androhung stehen?"), the
    /// unit that best answers each part by that part's own words and intent, unless that is the direct answer: the direct
    /// answer scores by the whole question, so the case described before the first part would otherwise decide every part.
    /// </summary>
    private static IEnumerable<Candidate> PartAnswers(string question, IReadOnlyList<Candidate> pool, Candidate best, IEnumerable<string>? placeNames)
    {
        var parts = QuestionParts.Split(question);
        if (parts.Count < 2)
        {
            yield break;
        }

        foreach (var part in parts)
        {
            var terms = QuestionTerms.Of(part, placeNames).All;
            var intent = QuestionIntents.Of(part);

            // A part that asks for a figure is answered by a unit that states one; another by one that states what it asks
            // ("nicht zulässig", "entscheidet") or names its matter twice (in the unit and its norm's title, or two of its
            // words), not by any sentence that shares a word.
            var asked = QuestionIntents.AskedFigure(part);
            var answer = pool
                .Select(c => (Candidate: c, Matched: ContentTerms.CountOccurring(terms, c.Vocabulary), Title: ContentTerms.CountOccurring(terms, c.TitleVocabulary)))
                .Where(c => c.Matched > 0 && (asked == QuestionIntent.None
                    ? c.Matched + c.Title >= 2 || QuestionIntents.FactsStated(intent, c.Candidate.Display) > 0
                    : QuestionIntents.StatesFigure(asked, c.Candidate.Display)))
                .OrderByDescending(c => (c.Matched + (TitleWeight * c.Title) + (FactBonus * QuestionIntents.FactsStated(intent, c.Candidate.Display))) / (1 + (RankDecay * c.Candidate.NormRank)))
                .Select(c => c.Candidate)
                .FirstOrDefault();
            // A part the direct answer answers already needs nothing more.
            if (answer is not null && !answer.IsSameUnit(best))
            {
                yield return answer;
            }
        }
    }

    /// <summary>
    /// The sentences right after the direct answer in its Absatz that qualify it ("Die Dienstleistung kann nur bei
    /// erheblicher eigener Gefahr … abgelehnt werden."): the Satz 2 with the condition or exception belongs to the answer
    /// even where it shares no word with the question.
    /// </summary>
    private static IEnumerable<Candidate> Qualifiers(IReadOnlyList<Candidate> candidates, Candidate best) =>
        candidates
            .Where(c => c.Source == best.Source && c.Unit.Position > best.Unit.Position && c.Unit.Position <= best.Unit.Position + QualifierReach)
            .Where(c => QuestionIntents.StatesCondition(c.Display))
            .OrderBy(c => c.Unit.Position);

    /// <summary>
    /// After the direct answer: its own norm first, conditions and exceptions, and the opening sentence of the norm's first
    /// Absatz, which usually states the rule the rest qualifies ("Die Amtssprache ist deutsch.").
    /// </summary>
    private static double FollowerScore(Candidate candidate, IReadOnlyList<Candidate> anchors, Chunk chunk)
    {
        var sameNorm = anchors.Any(anchor => string.Equals(candidate.NormKey, anchor.NormKey, StringComparison.Ordinal));
        return candidate.Score
            + (sameNorm ? SameNormBonus : 0)
            + (anchors.Any(anchor => anchor.Source == candidate.Source) ? SamePassageBonus : 0)
            + (sameNorm && candidate.Unit.IsLead && chunk.Part == 0 && chunk.Citation.Absatz is null or "1" ? SameNormBonus : 0)
            + (QuestionIntents.StatesCondition(candidate.Display) ? ConditionBonus : 0);
    }

    /// <summary>
    /// What is quoted of a unit: the sentence (in part when long), the list opener with its items (all of a short list, else
    /// the ones that match), or the table row. Quotations are verbatim; "…" marks what is left out.
    /// </summary>
    private static string Display(AnswerUnit unit, IReadOnlyList<string> terms, QuestionIntent intent, int maxLength, int shortList = ShortList)
    {
        if (unit.Header is not null)
        {
            return $"{Quote(unit.Parts[0])} (Spalten: {Quote(unit.Header)})";
        }

        if (!unit.IsList)
        {
            return Quote(Excerpt(unit.Parts[0], terms, maxLength));
        }

        var items = unit.Parts.Skip(1).ToList();
        var shown = items.Count <= shortList
            ? items
            : items.Where(item => ContentTerms.CountOccurring(terms, ContentTerms.Vocabulary(item)) > 0 || QuestionIntents.FactsStated(intent, item) > 0).Take(shortList).ToList();
        if (shown.Count == 0)
        {
            shown = items.Take(2).ToList();
        }

        // One quotation for the opener and its items, "…" where items are left out: the items stay inside the quotation, so
        // that an item ending in a full stop does not end the sentence that carries the marker.
        var text = new StringBuilder(Excerpt(unit.Parts[0], terms, maxLength));
        var next = 0;
        foreach (var item in shown)
        {
            var index = items.IndexOf(item);
            text.Append(index == next ? " " : " … ").Append(Excerpt(item, terms, maxLength));
            next = index + 1;
        }

        return Quote(next < items.Count ? $"{text} …" : text.ToString());
    }

    /// <summary>
    /// A piece that cannot stand alone: an opener whose items are not text lines ("… erhalten eine zusätzliche Entschädigung:"
    /// before a table), or the tail of a sentence the source breaks across lines ("gemäß § 2 Nr. 3 …").
    /// </summary>
    private static bool IsFragment(AnswerUnit unit) =>
        unit.Header is null && !unit.IsList && (unit.Parts[0].EndsWith(':') || char.IsLower(unit.Parts[0][0]));

    /// <summary>A footnote or editorial note of the source ("*) Verkündet als Artikel 1 …"), which states no rule.</summary>
    private static bool IsEditorialNote(AnswerUnit unit) =>
        unit.Parts[0].StartsWith("*)", StringComparison.Ordinal) || unit.Parts[0].StartsWith("Fußnote", StringComparison.Ordinal);

    private static string Line(Candidate candidate, Chunk chunk) =>
        $"{candidate.Display} [{candidate.Source + 1}] ({CitationFormatter.Format(chunk.Citation)}; Stand: {ShortStand(chunk.Stand)})";

    /// <summary>»…« when the text quotes something itself, so that the inner quote marks cannot end the quotation.</summary>
    private static string Quote(string excerpt) =>
        excerpt.IndexOfAny(['„', '“', '”', '"']) >= 0 ? $"»{excerpt}«" : $"„{excerpt}“";

    /// <summary>The sentence, or for a long one the part around its first matching word, with "…" for the omissions.</summary>
    private static string Excerpt(string sentence, IReadOnlyList<string> terms, int maxLength)
    {
        if (sentence.Length <= maxLength)
        {
            return sentence;
        }

        var start = 0;
        foreach (Match word in WordPattern().Matches(sentence))
        {
            if (ContentTerms.StemOf(word.Value) is not { } stem)
            {
                continue;
            }

            // One set for the word, not one per term it is tested against.
            var stemOnly = new HashSet<string>([stem]);
            if (terms.Any(term => ContentTerms.Occurs(term, stemOnly)))
            {
                start = word.Index > maxLength / 2 ? WordStartBefore(sentence, word.Index - (maxLength / 4)) : 0;
                break;
            }
        }

        var end = Math.Min(sentence.Length, start + maxLength);
        if (end < sentence.Length)
        {
            var lastSpace = sentence.LastIndexOf(' ', end - 1, end - start);
            end = lastSpace > start ? lastSpace : end;
        }

        var excerpt = sentence[start..end].Trim().TrimEnd(',', ';', ':');
        return $"{(start > 0 ? "… " : string.Empty)}{excerpt}{(end < sentence.Length ? " …" : string.Empty)}";
    }

    private static int WordStartBefore(string sentence, int index)
    {
        var space = sentence.LastIndexOf(' ', Math.Max(0, index));
        return space < 0 ? 0 : space + 1;
    }

    /// <summary>
    /// The same rule in a parallel law (§ 23 Abs. 2 LVwVfG and § 87 Abs. 2 AO: "Behörde" against "Finanzbehörde"): quoted
    /// once, from the norm already chosen. Within one norm similar sentences differ in what matters (the figure for larger
    /// Gemeinden), so only units of different norms count as parallels.
    /// </summary>
    private static bool IsParallel(Candidate candidate, Candidate chosen)
    {
        if (string.Equals(candidate.NormKey, chosen.NormKey, StringComparison.Ordinal))
        {
            return false;
        }

        var a = WordsOf(candidate.Display);
        var b = WordsOf(chosen.Display);
        var shared = a.Count(b.Contains);
        return shared >= ParallelOverlap * (a.Count + b.Count - shared) && FiguresOf(candidate.Display).SetEquals(FiguresOf(chosen.Display));
    }

    /// <summary>The numbers a unit states: two rules that differ in them ("100 Euro", "200 Euro") are no parallels.</summary>
    private static HashSet<string> FiguresOf(string display) =>
        FigurePattern().Matches(display).Select(match => match.Value).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> WordsOf(string display) =>
        WordPattern().Matches(display).Select(match => match.Value.ToLowerInvariant()).Where(word => word.Length > 2).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whitespace, quote marks and case folded: the same sentence quoted from two passages counts once.</summary>
    private static string Fold(string display) =>
        new([.. display.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d{1,2}\.\s?(?:\d{1,2}\.|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s?\d{4}|\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s\d{4}")]
    private static partial Regex DatePattern();

    private sealed record Candidate(int Source, string NormKey, string Law, AnswerUnit Unit, string Display, int Matched, int TitleMatched, double Facts, double Score)
    {
        public int NormRank { get; init; }

        public IReadOnlySet<string> Vocabulary { get; init; } = new HashSet<string>();

        public IReadOnlySet<string> TitleVocabulary { get; init; } = new HashSet<string>();

        /// <summary>The unit's norm is headed by the kind of figure asked ("§ 6 Gültigkeitsdauer", "§ 5 Steuersatz").</summary>
        public bool NamesAsked { get; init; }

        /// <summary>The question's words in the unit, by <see cref="ContentTerms.Strength"/>: a word only inside another counts less.</summary>
        public double Strength { get; init; }

        /// <summary>The same unit of the same source, however much of it is quoted.</summary>
        public bool IsSameUnit(Candidate other) => Source == other.Source && Unit.Position == other.Unit.Position;

        /// <summary>How much of the question the unit and its norm's title share, whatever the source's rank.</summary>
        public double Relevance => Strength + (TitleWeight * TitleMatched);
    }
}
