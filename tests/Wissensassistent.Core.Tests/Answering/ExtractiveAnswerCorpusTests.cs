using System.Text.RegularExpressions;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

/// <summary>Extractive answers over real corpus paragraphs: quoting and sentence splitting must survive real legal text.</summary>
public sealed partial class ExtractiveAnswerCorpusTests
{
    [Theory]
    [InlineData("bund/bbaug.md")]
    [InlineData("land-bw/KAG-BW_TEIL-2_Steuern.md")]
    [InlineData("kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md")]
    public void Compose_OverRealParagraphs_AlwaysPassesVerification(string file)
    {
        var paragraphs = Paragraphs(Path.Combine(RepositoryRoot.Corpus, file));
        Assert.True(paragraphs.Count > 10);
        var failures = new List<string>();

        for (var i = 0; i + 2 < paragraphs.Count; i += 3)
        {
            IReadOnlyList<Chunk> sources = paragraphs.Skip(i).Take(3)
                .Select((text, k) => AnswerFixtures.Passage(file, "X", "X", $"{i + k}", null, null, i + k, text))
                .ToList();
            var question = string.Join(' ', ContentTerms.Words(paragraphs[i + 1]).Skip(2).Take(6));

            var verification = CitationVerifier.Verify(ExtractiveAnswerComposer.Compose(question, sources, new AnswerOptions()), sources);

            if (!verification.Report.Passed)
            {
                failures.Add(string.Join(" | ", verification.Report.Issues));
            }
        }

        Assert.Empty(failures);
    }

    private static List<string> Paragraphs(string path) =>
        BlankLinePattern().Split(File.ReadAllText(path))
            .Select(paragraph => WhitespacePattern().Replace(paragraph, " ").Trim())
            .Where(paragraph => paragraph.Length > 40 && !paragraph.StartsWith('#') && !paragraph.StartsWith("---", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLinePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
