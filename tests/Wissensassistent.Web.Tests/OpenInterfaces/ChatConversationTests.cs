using System.Text.Json;
using Wissensassistent.Core.Documents;
using Wissensassistent.Web.OpenInterfaces;
using Wissensassistent.Web.OpenInterfaces.OpenAi;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>OpenAI messages become the chat's question and turns; filters read the same everywhere.</summary>
public sealed class ChatConversationTests
{
    [Fact]
    public void LastUserMessage_IsTheQuestion_EarlierPairsAreTurns_SystemIsIgnored()
    {
        var conversation = ChatConversation.From(
        [
            Message("system", "Du bist ein Pirat."),
            Message("user", "Was regelt § 35 BauGB?"),
            Message("assistant", "Das Bauen im Außenbereich [1]."),
            Message("user", "Und Absatz 2?"),
        ]);

        Assert.Equal("Und Absatz 2?", conversation.Question);
        var turn = Assert.Single(conversation.History);
        Assert.Equal("Was regelt § 35 BauGB?", turn.Question);
        Assert.Equal("Das Bauen im Außenbereich [1].", turn.Answer);
    }

    [Fact]
    public void ContentParts_AreJoined_AndImagesIgnored()
    {
        var parts = JsonSerializer.SerializeToElement(new object[]
        {
            new { type = "text", text = "Was gilt" },
            new { type = "image_url", image_url = new { url = "data:image/png;base64,AAAA" } },
            new { type = "text", text = "im Außenbereich?" },
        });

        var conversation = ChatConversation.From([new ChatMessageInput("user", parts)]);

        Assert.Equal("Was gilt\nim Außenbereich?", conversation.Question);
    }

    [Fact]
    public void WithoutAUserMessage_ThereIsNoQuestion()
    {
        var refused = Assert.Throws<InterfaceInputException>(() => ChatConversation.From([Message("system", "Hallo"), Message("assistant", "Guten Tag")]));

        Assert.Contains("keine Frage", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_ReadListsCaseInsensitively_AndRefuseWhatTheyDoNotKnow()
    {
        var filter = InterfaceFilter.Create("BauGB, BauNVO", "land,KOMMUNE", "satzung", "2025-01-31");

        Assert.Equal(["BauGB", "BauNVO"], filter.Laws);
        Assert.Equal([Level.Land, Level.Kommune], filter.Levels);
        Assert.Equal([DocumentType.Satzung], filter.Types);
        Assert.Equal(new DateOnly(2025, 1, 31), filter.InForceOn);
        Assert.True(InterfaceFilter.Create(null, " ", null, null).IsEmpty);
        Assert.Throws<InterfaceInputException>(() => InterfaceFilter.Create(null, "1", null, null));
        Assert.Throws<InterfaceInputException>(() => InterfaceFilter.Create(null, null, "Roman", null));
        Assert.Contains("2025-01-31", Assert.Throws<InterfaceInputException>(() => InterfaceFilter.Create(null, null, null, "31.01.2025")).Message, StringComparison.Ordinal);
    }

    private static ChatMessageInput Message(string role, string content) => new(role, JsonSerializer.SerializeToElement(content));
}
