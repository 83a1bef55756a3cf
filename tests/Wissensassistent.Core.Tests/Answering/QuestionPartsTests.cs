using Wissensassistent.Core.Answering;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class QuestionPartsTests
{
    [Theory]
    [InlineData("Wie hoch ist die Hundesteuer?", 1)]
    [InlineData("Wer unterschreibt die Niederschrift, und bis wann muss sie vorliegen?", 2)]
    [InlineData("Muss der Grabstein beantragt werden? Und darf das Holzkreuz bleiben?", 2)]
    [InlineData("Wie oft darf er Sperrmüll rausstellen, wie viel und wann, und wer holt ihn ab? Und was kostet das?", QuestionParts.MaxParts)]
    public void Of_CountsQuestionMarksAndJoinedQuestionWords(string question, int parts) =>
        Assert.Equal(parts, QuestionParts.Of(question));

    [Fact]
    public void Split_CutsAtQuestionMarksAndJoinedQuestionWords_FirstPartKeepsTheCase()
    {
        var parts = QuestionParts.Split("Wir wollen ein Zwangsgeld androhen. Wie hoch darf das sein, und was muss in der Androhung stehen? Und wer setzt es fest?");

        Assert.Equal(["Wir wollen ein Zwangsgeld androhen. Wie hoch darf das sein", "was muss in der Androhung stehen", "wer setzt es fest"], parts);
    }

    [Fact]
    public void Split_QuestionOfOnePart_IsTheWholeQuestion() =>
        Assert.Equal(["Wie hoch ist die Hundesteuer"], QuestionParts.Split("Wie hoch ist die Hundesteuer?"));

    [Fact]
    public void Compose_QuestionOfTwoParts_QuotesMoreUnitsThanOneOfOnePart()
    {
        var options = new AnswerOptions();
        var sources = Enumerable.Range(1, 4)
            .Select(i => AnswerFixtures.Passage(
                "kommune/hund.md", "Hundesteuersatzung", "Hundesteuersatzung", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "Hundesteuer", i,
                $"({i}) Die Hundesteuer für den {i}. Hund beträgt {i * 100} Euro im Jahr. Die Hundesteuer für den {i}. Hund ist bis zum {i}. Juli zu zahlen."))
            .ToList();

        var one = ExtractiveAnswerComposer.Compose("Wie hoch ist die Hundesteuer für einen Hund?", sources, options);
        var two = ExtractiveAnswerComposer.Compose("Wie hoch ist die Hundesteuer für einen Hund, und bis wann ist sie zu zahlen?", sources, options);

        Assert.True(Followers(one) <= options.MaxExtractiveSentences - 1, one);
        Assert.True(Followers(two) > Followers(one), two);
    }

    private static int Followers(string text) => text.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal));
}
