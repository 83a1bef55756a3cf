using System.Text.RegularExpressions;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Turns a follow-up ("Und im Innenbereich?") into a question that can be searched on its own, without a language model.
/// A question is a follow-up when it is short (at most <see cref="MaxFollowUpWords"/> words) and either starts like a
/// continuation ("Und …", "Was ist mit …", "Gilt das …"), refers back ("das", "dort", "dafür", "auch", …) or has too few
/// content words of its own. It is then extended by the earlier question's named norms and key terms. A term the follow-up
/// replaces (<c>Innenbereich</c> for <c>Außenbereich</c>: same compound head) is dropped, and so is the earlier norm's
/// paragraph, keeping only its law: the user has moved on to a different rule of the same law.
/// </summary>
public static partial class FollowUpResolver
{
    public const int MaxFollowUpWords = 8;

    /// <summary>The laws the code knows (federal and Baden-Württemberg law); enough to read the citations of a question.</summary>
    private static readonly CitationParser Citations = new();

    private const int MaxAddedTerms = 6;

    private const int MinCompoundHead = 5;

    private static readonly HashSet<string> Anaphora = new(
        ["das", "dies", "diese", "dieser", "dieses", "diesem", "diesen", "dort", "dabei", "dafür", "davon", "dazu", "hierfür",
         "hierzu", "hierbei", "darauf", "damit", "ebenfalls", "auch", "dasselbe", "derselbe", "dieselbe", "ebenso", "sie", "er", "es"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The question to search for: <paramref name="question"/> itself, or extended by the earlier turns when it is a follow-up.</summary>
    public static string Resolve(string question, IReadOnlyList<ConversationTurn>? history)
    {
        ArgumentNullException.ThrowIfNull(question);
        var trimmed = question.Trim();
        if (history is not { Count: > 0 } || !IsFollowUp(trimmed))
        {
            return trimmed;
        }

        // The earlier question may itself have been a follow-up: resolve it against what came before it first.
        var previous = Resolve(history[^1].Question, history.Take(history.Count - 1).ToList());
        var ownStems = ContentTerms.Extract(trimmed);
        var ownNorms = NamedNorms(trimmed);

        var replaced = false;
        var added = new List<string>();
        var addedStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ContentTerms.Words(WithoutNorms(previous)))
        {
            if (ContentTerms.StemOf(word) is not { } stem || ownStems.Contains(stem) || !addedStems.Add(stem))
            {
                continue;
            }

            if (ownStems.Any(own => SharesCompoundHead(own, stem)))
            {
                replaced = true;
                continue;
            }

            if (added.Count < MaxAddedTerms)
            {
                added.Add(word);
            }
        }

        var norms = NamedNorms(previous)
            .Select(norm => replaced ? LawOf(norm) : norm)
            .Where(norm => norm.Length > 0 && !ownNorms.Contains(norm, StringComparer.OrdinalIgnoreCase)
                && !trimmed.Contains(norm, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        return string.Join(' ', new[] { trimmed }.Concat(norms).Concat(added));
    }

    /// <summary>True for short questions that lean on an earlier one.</summary>
    public static bool IsFollowUp(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = ContentTerms.Words(question).ToList();
        if (words.Count == 0 || words.Count > MaxFollowUpWords)
        {
            return false;
        }

        if (ContinuationPattern().IsMatch(question.TrimStart()) || words.Any(Anaphora.Contains))
        {
            return true;
        }

        // Elliptic: "Im Innenbereich?", "Frist?" — fewer than two content words and no norm of its own.
        return ContentTerms.Extract(question).Count < 2 && NamedNorms(question).Count == 0;
    }

    /// <summary>
    /// Norm citations of the text with their law, formatted (<c>§ 35 Abs. 1 BauGB</c>, <c>§ 7 SGB II</c>,
    /// <c>Art. 20 GG</c>), read with the one grammar (<see cref="CitationParser"/>).
    /// </summary>
    public static IReadOnlyList<string> NamedNorms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Citations.FindAll(text).Where(match => match.HasLaw).Select(match => CitationFormatter.Format(match.Citation)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The text with its norm citations blanked out, so that "§ 35 BauGB" does not count as content words.</summary>
    public static string WithoutNorms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = Citations.FindAll(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var blanked = text.ToCharArray();
        foreach (var match in matches)
        {
            Array.Fill(blanked, ' ', match.Start, Math.Min(match.Length, blanked.Length - match.Start));
        }

        return new string(blanked);
    }

    private static string LawOf(string norm) => Citations.Parse(norm).FirstOrDefault()?.Law ?? string.Empty;

    /// <summary>Innenbereich/Außenbereich: different words with the same compound head name alternatives.</summary>
    private static bool SharesCompoundHead(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[^(common + 1)] == b[^(common + 1)])
        {
            common++;
        }

        return common >= MinCompoundHead && common < a.Length && common < b.Length;
    }

    [GeneratedRegex(@"^(?:und|aber|oder|sowie|auch|was ist mit|was gilt|wie ist es|wie sieht es|wie verhält es sich|gilt das|gilt dies|und wenn|was wenn|wenn aber|dann|trotzdem|ebenso)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationPattern();

}
