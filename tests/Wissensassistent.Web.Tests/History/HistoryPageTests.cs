using Bunit;
using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.History;

public sealed class HistoryPageTests : WebTestContext
{
    private StoredConversation Keep(string title, DateTimeOffset updated)
    {
        var answer = SampleData.Answer(title, "Antwort [1].", SampleData.Cited());
        var conversation = new StoredConversation(Guid.NewGuid(), title, updated.AddMinutes(-5), updated, [new StoredTurn(answer, updated)]);
        History.Conversations[conversation.Id] = conversation;
        return conversation;
    }

    [Fact]
    public void Lists_ConversationsNewestFirst_WithLinksToReopen()
    {
        var older = Keep("Außenbereich", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var newer = Keep("Hundesteuer", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        var page = Render<HistoryPage>();

        var titles = page.FindAll("a.wa-history-title");
        Assert.Equal(["Hundesteuer", "Außenbereich"], titles.Select(t => t.TextContent.Trim()));
        Assert.Equal($"/?c={newer.Id:N}", titles[0].GetAttribute("href"));
        Assert.Equal($"/?c={older.Id:N}", titles[1].GetAttribute("href"));
        Assert.Contains("1 Frage", page.Find(".wa-history-item").TextContent);
    }

    [Fact]
    public void Search_ShowsOnlyMatchingConversations()
    {
        Keep("Außenbereich", DateTimeOffset.UtcNow.AddHours(-1));
        Keep("Hundesteuer", DateTimeOffset.UtcNow);
        var page = Render<HistoryPage>();

        page.Find(".wa-history-search input").Change("hunde");
        page.Find(".wa-history-search input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(["Hundesteuer"], page.FindAll("a.wa-history-title").Select(t => t.TextContent.Trim())));
        Assert.Contains("nur in diesem Browser", page.Find(".wa-history-place").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_RemovesTheConversationFromBrowserAndList()
    {
        var kept = Keep("Außenbereich", DateTimeOffset.UtcNow.AddHours(-1));
        var deleted = Keep("Hundesteuer", DateTimeOffset.UtcNow);
        var page = Render<HistoryPage>();

        page.Find("button.wa-history-delete").Click();

        Assert.Equal([kept.Id], History.Conversations.Keys);
        Assert.DoesNotContain(deleted.Id, History.Conversations.Keys);
        Assert.Equal("Außenbereich", Assert.Single(page.FindAll("a.wa-history-title")).TextContent.Trim());
    }

    [Fact]
    public void Empty_SaysSo()
    {
        var page = Render<HistoryPage>();

        Assert.Contains("Noch keine gespeicherten Unterhaltungen", page.Find(".wa-history-empty").TextContent);
    }
}
