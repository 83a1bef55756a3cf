using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Components.Chat;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;
using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.History;

/// <summary>A signed-in user's answer runs on the server: a reload during it keeps the question, then shows the answer.</summary>
public sealed class ServerHistoryChatTests : WebTestContext
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ConversationArchive Archive => Services.GetRequiredService<ConversationArchive>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task ReloadDuringAnAnswer_ShowsTheQuestionPending_ThenTheStoredAnswer()
    {
        SignInAs(AppRoles.Staff);
        var gate = new TaskCompletionSource();
        Answers.Answer(
            ScriptedAnswerService.Step.Of(new TextUpdate("Im Außenbereich ")),
            ScriptedAnswerService.Step.WaitFor(gate),
            ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Nur wenn öffentliche Belange nicht entgegenstehen [1].", SampleData.Cited()))));
        RenderPopoverProvider();
        var chat = Render<ChatPage>();
        chat.Find("textarea").Input(Question);
        chat.Find("button.wa-send").Click();
        chat.WaitForAssertion(() => Assert.Equal("Im Außenbereich", chat.Find(".wa-streaming").TextContent.Trim()));
        var address = new Uri(Navigation.Uri);
        Assert.StartsWith("?c=", address.Query, StringComparison.Ordinal);
        var id = Guid.Parse(address.Query[3..]);

        // The reload: the page and its circuit are gone, a new page opens the same address.
        await DisposeComponentsAsync();
        Assert.False(Answers.SawCancellation);
        RenderPopoverProvider();
        var reloaded = Render<ChatPage>();

        reloaded.WaitForAssertion(() => Assert.Equal(Question, reloaded.Find(".wa-question-text").TextContent));
        Assert.Equal("Streaming", reloaded.Find(".wa-turn").GetAttribute("data-state"));
        gate.SetResult();
        reloaded.WaitForAssertion(() => Assert.Contains("Nur wenn öffentliche Belange", reloaded.Find(".wa-answer-text").TextContent, StringComparison.Ordinal));
        Assert.Equal("Completed", reloaded.Find(".wa-turn").GetAttribute("data-state"));

        var stored = await Archive.GetAsync("test-staff", id, Ct);
        Assert.Equal(Question, Assert.Single(stored!.Value.Conversation.Turns).Answer.Question);
        Assert.Empty(stored.Value.Pending);
        Assert.Empty(History.Conversations);
    }

    [Fact]
    public async Task Stop_EndsTheAnswerOnTheServer_AndDropsTheQuestion()
    {
        SignInAs(AppRoles.Staff);
        var gate = new TaskCompletionSource();
        Answers.Answer(ScriptedAnswerService.Step.Of(new TextUpdate("Im Außenbereich ")), ScriptedAnswerService.Step.WaitFor(gate));
        RenderPopoverProvider();
        var chat = Render<ChatPage>();
        chat.Find("textarea").Input(Question);
        chat.Find("button.wa-send").Click();
        chat.WaitForAssertion(() => Assert.NotEmpty(chat.FindAll(".wa-streaming")));

        chat.Find("button.wa-stop").Click();

        chat.WaitForAssertion(() => Assert.Equal("Cancelled", chat.Find(".wa-turn").GetAttribute("data-state")));
        Assert.True(Answers.SawCancellation);
        var id = Guid.Parse(new Uri(Navigation.Uri).Query[3..]);
        await WaitUntilAsync(async () => (await Archive.GetAsync("test-staff", id, Ct))!.Value.Pending.Count == 0);
    }

    [Fact]
    public async Task AnotherUsersConversation_IsNotShown_AndAQuestionThereStartsAnOwnOne()
    {
        var foreign = Guid.NewGuid();
        var turn = Guid.NewGuid();
        await Archive.BeginTurnAsync("k.meier", foreign, "Personalakte", turn, "Was steht in der Personalakte von Frau X?", DateTimeOffset.UtcNow, Ct);
        await Archive.CompleteTurnAsync("k.meier", turn, SampleData.Answer("Was steht in der Personalakte von Frau X?", "Vertraulich."), DateTimeOffset.UtcNow, Ct);
        SignInAs(AppRoles.Staff);
        Navigation.NavigateTo($"/?c={foreign:N}");
        RenderPopoverProvider();
        var chat = Render<ChatPage>();

        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll(".wa-turn")));
        Assert.DoesNotContain("Personalakte", chat.Markup, StringComparison.Ordinal);
        chat.Find("textarea").Input(Question);
        chat.Find("button.wa-send").Click();
        chat.WaitForAssertion(() => Assert.NotEmpty(chat.FindAll(".wa-answer-text")));

        var own = Assert.Single(await Archive.ListAsync("test-staff", null, 10, Ct));
        Assert.NotEqual(foreign, own.Id);
        Assert.Equal(["Was steht in der Personalakte von Frau X?"], (await Archive.GetAsync("k.meier", foreign, Ct))!.Value.Conversation.Turns.Select(t => t.Answer.Question));
    }

    [Fact]
    public async Task AQuestionWhoseAnswerARestartCutShort_IsShownAsInterrupted_AndDropped()
    {
        var id = Guid.NewGuid();
        await Archive.BeginTurnAsync("test-staff", id, "Fristen", Guid.NewGuid(), "Welche Frist gilt?", DateTimeOffset.UtcNow, Ct);
        SignInAs(AppRoles.Staff);
        Navigation.NavigateTo($"/?c={id:N}");
        RenderPopoverProvider();

        var chat = Render<ChatPage>();

        chat.WaitForAssertion(() => Assert.Equal("Failed", chat.Find(".wa-turn").GetAttribute("data-state")));
        Assert.Contains("Neustart", chat.Markup, StringComparison.Ordinal);
        Assert.Empty((await Archive.GetAsync("test-staff", id, Ct))!.Value.Pending);
    }

    [Fact]
    public void AnonymousUsers_KeepTheirHistoryInTheBrowser_AndQuestionsAreNotAudited()
    {
        RenderPopoverProvider();
        var chat = Render<ChatPage>();
        chat.Find("textarea").Input(Question);
        chat.Find("button.wa-send").Click();

        chat.WaitForAssertion(() => Assert.Single(History.Conversations));
        Assert.Empty(Audited(AuditActions.Question));
        Assert.DoesNotContain("Außenbereich", SqliteFileText.Read(Folder.Combine("data", "audit.db")), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEnabled_QuestionsAndAnswersAreAudited()
    {
        Services.AddSingleton(Options.Create(new AuditOptions { RecordQuestions = true }));
        SignInAs(AppRoles.Staff);
        RenderPopoverProvider();
        var chat = Render<ChatPage>();
        chat.Find("textarea").Input(Question);
        chat.Find("button.wa-send").Click();

        chat.WaitForAssertion(() => Assert.Single(Audited(AuditActions.Question)));
        var entry = Audited(AuditActions.Question)[0];
        Assert.Equal(("test-staff", Question, "beantwortet", "Antwort."), (entry.Actor, entry.Object, entry.Outcome, entry.Detail));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Die Bedingung ist nicht rechtzeitig eingetreten.");
            await Task.Delay(20, Ct);
        }
    }
}
