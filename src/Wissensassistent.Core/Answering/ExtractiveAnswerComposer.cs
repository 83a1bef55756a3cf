using System.Text;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// An answer without a language model: the sentences of the sources that share the most content words with the question,
/// quoted verbatim, each followed by its marker and citation. Earlier (better ranked) sources weigh more; the first sentence
/// of a passage gets a small bonus because it usually states the rule. Between
/// <see cref="AnswerOptions.MinExtractiveSentences"/> and <see cref="AnswerOptions.MaxExtractiveSentences"/> sentences are
/// taken and shown by norm (in the order of each norm's best source) and within a norm in statute order. Because every sentence is a verbatim quotation, verification passes by construction.
/// </summary>
public static partial class ExtractiveAnswerComposer
{
    public const string Label = "Extraktive Antwort: zusammengestellt aus den Fundstellen, ohne Sprachmodell.";

    private const double RankDecay = 0.35;

    private const double LeadBonus = 0.25;

    /// <summary>"Wie hoch ist die Hundesteuer?" asks for a figure: a sentence that states one counts as a strong match.</summary>
    private const double AmountBonus = 1.5;

    public static string Compose(string question, IReadOnlyList<Chunk> sources, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);

        var terms = ContentTerms.Extract(question);
        var asksForAmount = AmountQuestionPattern().IsMatch(question);
        var candidates = new List<Candidate>();
        for (var source = 0; source < sources.Count; source++)
        {
            if (sources[source].IsRepealed)
            {
                continue;
            }

            var sentences = GermanSentenceSplitter.SplitToStrings(sources[source].Text);
            for (var position = 0; position < sentences.Count; position++)
            {
                var sentence = AbsatzLabelPattern().Replace(sentences[position], string.Empty);
                if (ContentTerms.Words(sentence).Count() < 3)
                {
                    continue;
                }

                var matched = ContentTerms.CountOccurring(terms, ContentTerms.Vocabulary(sentence));
                var amount = asksForAmount && matched > 0 && AmountPattern().IsMatch(sentence) ? AmountBonus : 0;
                var score = (matched + amount + (position == 0 ? LeadBonus : 0)) / (1 + (RankDecay * source));
                candidates.Add(new Candidate(source, position, sentence, matched, score));
            }
        }

        var selected = candidates
            .Where(candidate => candidate.Matched > 0)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Source)
            .ThenBy(candidate => candidate.Position)
            .Take(options.MaxExtractiveSentences)
            .ToList();

        // Too few matching sentences: the passages were relevant as a whole, so their opening sentences speak for them.
        foreach (var lead in candidates.GroupBy(candidate => candidate.Source).Select(group => group.First()))
        {
            if (selected.Count >= Math.Min(options.MinExtractiveSentences, options.MaxExtractiveSentences))
            {
                break;
            }

            if (!selected.Contains(lead))
            {
                selected.Add(lead);
            }
        }

        // Read like the statute: norms in the order of their best passage, within a norm Absatz 1 before Absatz 5.
        var normOrder = selected
            .GroupBy(c => sources[c.Source].Citation.NormKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Source), StringComparer.Ordinal);
        var ordered = selected
            .OrderBy(c => normOrder[sources[c.Source].Citation.NormKey])
            .ThenBy(c => sources[c.Source].Ordinal)
            .ThenBy(c => c.Source)
            .ThenBy(c => c.Position);

        var text = new StringBuilder(Label).Append('\n');
        foreach (var candidate in ordered)
        {
            var chunk = sources[candidate.Source];
            text.Append('\n')
                .Append("- ")
                .Append(Quote(Excerpt(candidate.Sentence, terms, options.MaxQuoteLength)))
                .Append(" [").Append(candidate.Source + 1).Append("] (")
                .Append(CitationFormatter.Format(chunk.Citation))
                .Append(')');
        }

        return text.ToString();
    }

    /// <summary>»…« when the sentence quotes something itself, so that the inner quote marks cannot end the quotation.</summary>
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
            if (ContentTerms.StemOf(word.Value) is { } stem && terms.Any(term => ContentTerms.Occurs(term, new HashSet<string>([stem]))))
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

    [GeneratedRegex(@"\b(?:wie\s+hoch|wie\s*viel|welche[rns]?\s+(?:betrag|gebühr|höhe|steuersatz|satz)|was\s+kostet|kosten|höhe|beträgt|betrag)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AmountQuestionPattern();

    [GeneratedRegex(@"\d[\d.,]*\s*(?:€|Euro|EUR|%|Prozent|v\.\s?H\.)", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\(\d+[a-z]?\)\s*")]
    private static partial Regex AbsatzLabelPattern();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*")]
    private static partial Regex WordPattern();

    private sealed record Candidate(int Source, int Position, string Sentence, int Matched, double Score);
}
