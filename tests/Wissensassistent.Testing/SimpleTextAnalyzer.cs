using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Testing;

/// <summary>
/// Lower-cased runs of letters and digits, nothing else: for tests that must not depend on the German analyzer.
/// </summary>
public sealed class SimpleTextAnalyzer : ITextAnalyzer
{
    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                terms.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return terms;
    }

    /// <summary>The distinct terms of <paramref name="text"/>, each with weight 1.</summary>
    public LexicalQuery Query(string text) =>
        new([.. Analyze(text).Distinct(StringComparer.Ordinal).Select(term => new WeightedTerm(term, 1.0))]);
}
