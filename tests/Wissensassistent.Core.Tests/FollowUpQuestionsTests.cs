using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class FollowUpQuestionsTests
{
    private static readonly AnswerCitation Paragraph35 = new(1, SampleAnswers.Chunk("BauGB", "35", "1", "Text"), true, []);

    [Fact]
    public void Suggest_CitedNorm_AsksForExceptions()
    {
        var suggestions = FollowUpQuestions.Suggest(SampleAnswers.Answer("Text [1]", Paragraph35));

        Assert.Contains("Welche Ausnahmen gelten nach § 35 BauGB?", suggestions);
    }

    [Fact]
    public void Suggest_KnownUncitedAbsatz_AsksWhatItRegulates()
    {
        Citation[] known = [new("BauGB", NormKind.Paragraph, "35", "1"), new("BauGB", NormKind.Paragraph, "35", "2")];

        var suggestions = FollowUpQuestions.Suggest(SampleAnswers.Answer("Text [1]", Paragraph35), known);

        Assert.Equal("Was regelt § 35 Abs. 2 BauGB?", suggestions[0]);
    }

    [Fact]
    public void Suggest_WithoutKnownParts_NeverInventsAnAbsatz()
    {
        var suggestions = FollowUpQuestions.Suggest(SampleAnswers.Answer("Text [1]", Paragraph35));

        Assert.DoesNotContain(suggestions, s => s.Contains("Abs.", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_NoCitations_SuggestsNothing()
    {
        Assert.Empty(FollowUpQuestions.Suggest(SampleAnswers.Answer("Keine Grundlage.")));
    }

    [Fact]
    public void Suggest_ManyNorms_LimitsAndDeduplicates()
    {
        var second = new AnswerCitation(2, SampleAnswers.Chunk("BauGB", "35", "3", "Text"), true, []);
        var third = new AnswerCitation(3, SampleAnswers.Chunk("BauGB", "34", "1", "Text"), true, []);

        var suggestions = FollowUpQuestions.Suggest(SampleAnswers.Answer("Text", Paragraph35, second, third), max: 3);

        Assert.Equal(["Welche Ausnahmen gelten nach § 35 BauGB?", "Welche Ausnahmen gelten nach § 34 BauGB?"], suggestions);
    }
}
