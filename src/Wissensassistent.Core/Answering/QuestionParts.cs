using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// How many things a question asks: every question mark, and every question word joined on with "und"/"oder" within one
/// question ("Wer unterschreibt, und bis wann …?"); an "Und …?" after a question mark is the next question, counted once. A question of three parts needs more quoted units than one of one.
/// </summary>
public static partial class QuestionParts
{
    /// <summary>Parts counted at most; beyond that the answer would no longer be short.</summary>
    public const int MaxParts = 3;

    public static int Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var marks = question.Count(c => c == '?');
        var joined = JoinedQuestion().Matches(question).Count;
        return Math.Clamp(Math.Max(1, marks) + joined, 1, MaxParts);
    }

    /// <summary>
    /// The question cut into the things it asks, in order: at each question mark and before each question word joined on
    /// with "und"/"oder". The first part keeps the description of the case that comes before it; a piece without a letter
    /// is no part. At most <see cref="MaxParts"/>.
    /// </summary>
    public static IReadOnlyList<string> Split(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var parts = new List<string>();
        foreach (var asked in question.Split('?'))
        {
            var start = 0;
            foreach (Match joined in JoinedQuestion().Matches(asked))
            {
                parts.Add(asked[start..joined.Index]);
                start = joined.Index;
            }

            parts.Add(asked[start..]);
        }

        var kept = parts
            .Select(part => part.Trim().TrimStart(',', ';').Trim())
            .Select(part => UnPrefix().Replace(part, string.Empty))
            .Where(part => part.Any(char.IsLetter))
            .ToList();
        return kept.Count <= MaxParts ? kept : [.. kept.Take(MaxParts - 1), string.Join(' ', kept.Skip(MaxParts - 1))];
    }

    /// <summary>Quoted units an answer to the question may hold: the configured cap, plus some for each further part.</summary>
    public static int UnitCap(string question, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxExtractiveSentences + (options.ExtraSentencesPerQuestionPart * (Of(question) - 1));
    }

    [GeneratedRegex(@"^(?:und|oder)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnPrefix();

    [GeneratedRegex(@"(?<![?.!])[,;]?\s+(?:und|oder)\s+(?:(?:bis|ab|seit)\s+wann|wie\s+\w+|wann|wer|wem|wen|was|wo|wohin|welche[rsmn]?|ob|gilt|gibt\s+es|darf|dürfen|muss|müssen|kann|können)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JoinedQuestion();
}
