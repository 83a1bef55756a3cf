using AngleSharp.Dom;
using Bunit;
using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Components.Chat;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Chat;

/// <summary>Script payloads in model text and in document text must reach the page as text, never as markup.</summary>
public sealed class XssTests : WebTestContext
{
    private const string Payloads = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>";

    private static void AssertNoActiveMarkup(IRenderedComponent<ChatPage> chat)
    {
        var elements = chat.Nodes.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("onerror", StringComparison.OrdinalIgnoreCase) || a.Name.StartsWith("onload", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    private IRenderedComponent<ChatPage> AskWith(Answer answer, string? streamed = null)
    {
        var steps = new List<ScriptedAnswerService.Step> { ScriptedAnswerService.Step.Of(new SourcesUpdate(answer.Citations, answer.Mode)) };
        if (streamed is not null)
        {
            steps.Add(ScriptedAnswerService.Step.Of(new TextUpdate(streamed)));
        }

        steps.Add(ScriptedAnswerService.Step.Of(new FinalUpdate(answer)));
        Answers.Answer([.. steps]);
        RenderPopoverProvider();
        var chat = Render<ChatPage>();
        chat.Find("textarea").Input(answer.Question);
        chat.Find("button.wa-send").Click();
        chat.WaitForElement(".wa-answer-text");
        return chat;
    }

    [Fact]
    public void ModelText_WithPayloads_IsRenderedInert()
    {
        var answer = SampleData.Answer("<script>alert('frage')</script>", "Antwort " + Payloads + " [1].", SampleData.Cited()) with
        {
            Notices = ["<img src=x onerror=alert(3)>"],
            Checks = new VerificationReport(1, 0, 0, 0, 1, ["<script>alert(4)</script>"]),
        };

        var chat = AskWith(answer, streamed: Payloads);

        AssertNoActiveMarkup(chat);
        Assert.Contains("<script>alert('frage')</script>", chat.Find(".wa-question-text").TextContent);
        Assert.NotEmpty(chat.FindAll(".wa-answer-text button.wa-cite"));
    }

    [Fact]
    public void DocumentText_WithPayloads_IsShownVerbatimAsText()
    {
        var evil = SampleData.Paragraph35Absatz1 with { Text = "(1) " + Payloads, NormTitle = "<img src=x onerror=alert(5)>", Stand = "<script>alert(6)</script>" };
        Store.Chunks[1] = evil;
        var answer = SampleData.Answer("Frage", "Antwort [1].", new AnswerCitation(1, evil, true, ["<script>alert(1)</script>"]));
        var chat = AskWith(answer);

        chat.Find(".wa-answer-text button.wa-cite").Click();

        chat.WaitForAssertion(() => Assert.Equal("(1) " + Payloads, chat.Find(".wa-passage").TextContent.Trim()));
        Assert.Equal("<script>alert(1)</script>", chat.Find(".wa-passage mark").TextContent);
        Assert.Equal("<script>alert(6)</script>", chat.Find(".wa-stand").TextContent.Trim());
        AssertNoActiveMarkup(chat);
    }
}
