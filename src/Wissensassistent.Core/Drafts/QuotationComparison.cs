using System.Text.RegularExpressions;
using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Drafts;

/// <summary>
/// Where a quotation is not verbatim (see <see cref="QuotationMatcher"/>), finds the stretch of the passage it was taken
/// from and the words that differ: a word alignment in which the quotation is aligned whole and the passage may start and
/// end anywhere. Both texts are compared as <see cref="QuotationMatcher.Normalize"/> folds them, so that only changes a
/// reader would call changes remain.
/// </summary>
public static partial class QuotationComparison
{
    /// <summary>Below this share of its words found in order, a quotation is not taken from the passage at all.</summary>
    public const double MinSharedWords = 0.5;

    private const int Match = 2;
    private const int Mismatch = -1;
    private const int Gap = -1;

    /// <summary>Words beyond these are not compared: a quotation is a sentence or two, and the matrix grows with both.</summary>
    private const int MaxQuotationTokens = 400;
    private const int MaxPassageTokens = 20_000;

    private static readonly string[] Ellipses = ["[…]", "[...]", "(…)", "(...)", "…", "..."];

    /// <summary>
    /// The passage's wording the quotation comes closest to, and the differences; null when fewer than
    /// <see cref="MinSharedWords"/> of its words occur there in order.
    /// </summary>
    public static QuotationComparisonResult? Compare(string quotation, string passage)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        ArgumentNullException.ThrowIfNull(passage);
        var haystack = QuotationMatcher.Normalize(passage);
        var passageTokens = Tokens(haystack);
        if (passageTokens.Count is 0 or > MaxPassageTokens)
        {
            return null;
        }

        var differences = new List<QuotationDifference>();
        int shared = 0, total = 0, from = 0, first = -1, last = -1;
        foreach (var fragment in Fragments(quotation))
        {
            var tokens = Tokens(fragment);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (tokens.Count > MaxQuotationTokens)
            {
                return null;
            }

            var aligned = Align(fragment, tokens, haystack, passageTokens, from);
            total += tokens.Count;
            shared += aligned.Shared;
            differences.AddRange(aligned.Differences);
            if (aligned.PassageStart >= 0)
            {
                first = first < 0 ? aligned.PassageStart : first;
                last = aligned.PassageEnd;
                from = aligned.NextToken;
            }
        }

        if (total == 0 || (double)shared / total < MinSharedWords || first < 0)
        {
            return null;
        }

        return new QuotationComparisonResult(haystack[first..last], differences, (double)shared / total);
    }

    private static Alignment Align(string fragment, List<Token> quote, string haystack, List<Token> passage, int from)
    {
        var m = quote.Count;
        var n = passage.Count - from;
        if (n <= 0)
        {
            return new Alignment(0, [new QuotationDifference(fragment, string.Empty)], -1, -1, from);
        }

        // score[i, j]: best alignment of the first i quotation words ending at passage word from + j.
        var score = new int[m + 1, n + 1];
        for (var i = 1; i <= m; i++)
        {
            score[i, 0] = i * Gap;
        }

        for (var i = 1; i <= m; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                var same = quote[i - 1].Text == passage[from + j - 1].Text;
                score[i, j] = Math.Max(
                    score[i - 1, j - 1] + (same ? Match : Mismatch),
                    Math.Max(score[i - 1, j] + Gap, score[i, j - 1] + Gap));
            }
        }

        var end = 0;
        for (var j = 1; j <= n; j++)
        {
            if (score[m, j] > score[m, end])
            {
                end = j;
            }
        }

        // Back from the best end: pairs of (quotation word or -1, passage word or -1), in reverse.
        var steps = new List<(int Quote, int Passage)>();
        int qi = m, pj = end;
        while (qi > 0)
        {
            var same = pj > 0 && quote[qi - 1].Text == passage[from + pj - 1].Text;
            if (pj > 0 && score[qi, pj] == score[qi - 1, pj - 1] + (same ? Match : Mismatch))
            {
                steps.Add((qi - 1, from + pj - 1));
                qi--;
                pj--;
            }
            else if (score[qi, pj] == score[qi - 1, pj] + Gap)
            {
                steps.Add((qi - 1, -1));
                qi--;
            }
            else
            {
                steps.Add((-1, from + pj - 1));
                pj--;
            }
        }

        steps.Reverse();
        var passageIndices = steps.Where(s => s.Passage >= 0).Select(s => s.Passage).ToList();
        var shared = steps.Count(s => s.Quote >= 0 && s.Passage >= 0 && quote[s.Quote].Text == passage[s.Passage].Text);
        var differences = Differences(fragment, quote, haystack, passage, steps);
        return passageIndices.Count == 0
            ? new Alignment(shared, differences, -1, -1, from)
            : new Alignment(shared, differences, passage[passageIndices[0]].Start, passage[passageIndices[^1]].End, passageIndices[^1] + 1);
    }

    /// <summary>Runs of steps that are not equal words, each as the draft's and the passage's text.</summary>
    private static List<QuotationDifference> Differences(string fragment, List<Token> quote, string haystack, List<Token> passage, List<(int Quote, int Passage)> steps)
    {
        var differences = new List<QuotationDifference>();
        var run = new List<(int Quote, int Passage)>();
        foreach (var step in steps.Append((Quote: -2, Passage: -2)))
        {
            var equal = step.Quote >= 0 && step.Passage >= 0 && quote[step.Quote].Text == passage[step.Passage].Text;
            if (!equal && step.Quote != -2)
            {
                run.Add(step);
                continue;
            }

            if (run.Count > 0)
            {
                differences.Add(new QuotationDifference(Span(fragment, quote, run.Select(s => s.Quote)), Span(haystack, passage, run.Select(s => s.Passage))));
                run.Clear();
            }
        }

        return differences;
    }

    private static string Span(string text, List<Token> tokens, IEnumerable<int> indices)
    {
        var present = indices.Where(i => i >= 0).ToList();
        return present.Count == 0 ? string.Empty : text[tokens[present.Min()].Start..tokens[present.Max()].End];
    }

    private static List<string> Fragments(string quotation)
    {
        var parts = new List<string> { QuotationMatcher.Normalize(quotation) };
        foreach (var ellipsis in Ellipses)
        {
            parts = parts.SelectMany(part => part.Split(ellipsis)).ToList();
        }

        // The writer's own full stop or comma after a quotation is no change.
        return parts.Select(part => part.Trim().TrimEnd('.', ',', ';', ':').TrimEnd()).Where(part => part.Length > 0).ToList();
    }

    private static List<Token> Tokens(string text) =>
        TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index, m.Index + m.Length)).ToList();

    [GeneratedRegex(@"[\p{L}\p{Nd}§]+|[^\p{L}\p{Nd}\s]")]
    private static partial Regex TokenPattern();

    private readonly record struct Token(string Text, int Start, int End);

    private sealed record Alignment(int Shared, List<QuotationDifference> Differences, int PassageStart, int PassageEnd, int NextToken);
}
