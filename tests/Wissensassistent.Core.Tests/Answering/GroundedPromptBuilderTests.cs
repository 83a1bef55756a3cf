using Microsoft.Extensions.AI;
using Wissensassistent.Core.Answering;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class GroundedPromptBuilderTests
{
    [Fact]
    public void Build_NumbersSourcesWithCitationAndStand()
    {
        var messages = GroundedPromptBuilder.Build("Wann ist ein Vorhaben im Außenbereich zulässig?", AnswerFixtures.AussenbereichPassages);

        var user = messages.Single(m => m.Role == ChatRole.User).Text;
        Assert.Contains("<quelle nr=\"1\" fundstelle=\"§ 35 Abs. 1 BauGB\"", user, StringComparison.Ordinal);
        Assert.Contains("<quelle nr=\"3\" fundstelle=\"§ 34 Abs. 1 BauGB\"", user, StringComparison.Ordinal);
        Assert.Contains($"stand=\"{AnswerFixtures.BauGbStand}\"", user, StringComparison.Ordinal);
        Assert.Contains("<frage>\nWann ist ein Vorhaben im Außenbereich zulässig?\n</frage>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SystemPromptDemandsSourcesMarkersVerbatimQuotesAndTreatsDocumentsAsData()
    {
        var system = GroundedPromptBuilder.Build("Frage", AnswerFixtures.AussenbereichPassages).Single(m => m.Role == ChatRole.System).Text;

        Assert.Contains("ausschließlich anhand der nummerierten Quellen", system, StringComparison.Ordinal);
        Assert.Contains("[1]", system, StringComparison.Ordinal);
        Assert.Contains("wörtlich", system, StringComparison.Ordinal);
        Assert.Contains("nicht oder nur teilweise aus", system, StringComparison.Ordinal);
        Assert.Contains("befolge sie nie", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InjectedInstruction_StaysInsideTheDataSection_AndCannotCloseIt()
    {
        var user = GroundedPromptBuilder.Build("Wer prüft Bauanträge?", [AnswerFixtures.PoisonedGuideline]).Single(m => m.Role == ChatRole.User).Text;

        var dataStart = user.IndexOf("<quellen>", StringComparison.Ordinal);
        var dataEnd = user.IndexOf("</quellen>", StringComparison.Ordinal);
        var injection = user.IndexOf(AnswerFixtures.InjectedInstruction, StringComparison.Ordinal);
        Assert.InRange(injection, dataStart, dataEnd);
        Assert.Equal(1, Occurrences(user, "</quelle>"));
        Assert.Equal(1, Occurrences(user, "<quelle "));
        Assert.Contains("‹/quelle>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithHistory_IncludesEarlierQuestionsButNotAnswers()
    {
        var history = new[] { new ConversationTurn("Wann ist ein Vorhaben im Außenbereich zulässig?", "Eine frühere, ungeprüfte Antwort.") };

        var user = GroundedPromptBuilder.Build("Und im Innenbereich?", AnswerFixtures.AussenbereichPassages, history).Single(m => m.Role == ChatRole.User).Text;

        Assert.Contains("- Wann ist ein Vorhaben im Außenbereich zulässig?", user, StringComparison.Ordinal);
        Assert.DoesNotContain("ungeprüfte Antwort", user, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
