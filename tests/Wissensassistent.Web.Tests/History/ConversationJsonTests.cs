using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.History;

public sealed class ConversationJsonTests
{
    [Fact]
    public void RoundTrip_KeepsAnswersWithTheirPassages()
    {
        var answer = SampleData.Answer("Frage", "Antwort [1].", SampleData.Cited()) with
        {
            Mode = AnswerMode.Extractive,
            Checks = new VerificationReport(1, 0, 1, 0, 0, ["Hinweis"]),
            Notices = ["Notiz"],
        };
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
        var conversation = new StoredConversation(Guid.NewGuid(), "Frage", at, at, [new StoredTurn(answer, at)]);

        var back = ConversationJson.Deserialize<StoredConversation>(ConversationJson.Serialize(conversation))!;

        var turn = Assert.Single(back.Turns);
        Assert.Equal(AnswerMode.Extractive, turn.Answer.Mode);
        Assert.Equal(["Hinweis"], turn.Answer.Checks.Issues);
        var citation = Assert.Single(turn.Answer.Citations);
        Assert.Equal(SampleData.Paragraph35Absatz1 with { HeadingPath = citation.Chunk.HeadingPath, References = citation.Chunk.References, AccessGroups = citation.Chunk.AccessGroups }, citation.Chunk);
        Assert.Empty(citation.Chunk.AccessGroups);
        Assert.Equal(SampleData.Paragraph35Absatz1.HeadingPath, citation.Chunk.HeadingPath);
        Assert.Equal(SampleData.Paragraph35Absatz1.References, citation.Chunk.References);
        Assert.Equal(["öffentliche Belange nicht entgegenstehen"], citation.Quotes);
        Assert.Equal(at, turn.AnsweredAt);
    }

    [Fact]
    public void Serialize_LeavesOutComputedProperties()
    {
        var json = ConversationJson.Serialize(SampleData.Cited());

        Assert.DoesNotContain("\"norm\"", json);
        Assert.DoesNotContain("\"searchText\"", json);
        Assert.DoesNotContain("\"normKey\"", json);
        Assert.Contains("\"text\"", json);
    }
}
