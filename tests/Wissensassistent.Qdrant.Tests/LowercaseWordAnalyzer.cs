using Wissensassistent.Core.Text;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>A stand-in for the German analyzer: lower-cased runs of letters and digits, no stemming.</summary>
internal sealed class LowercaseWordAnalyzer : ITextAnalyzer
{
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                terms.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return terms;
    }
}
