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

    /// <summary>Quoted units an answer to the question may hold: the configured cap, plus some for each further part.</summary>
    public static int UnitCap(string question, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxExtractiveSentences + (options.ExtraSentencesPerQuestionPart * (Of(question) - 1));
    }

    [GeneratedRegex(@"(?<![?.!])[,;]?\s+(?:und|oder)\s+(?:(?:bis|ab|seit)\s+wann|wie\s+\w+|wann|wer|wem|wen|was|wo|wohin|welche[rsmn]?|ob|gilt|gibt\s+es|darf|dürfen|muss|müssen|kann|können)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JoinedQuestion();
}
