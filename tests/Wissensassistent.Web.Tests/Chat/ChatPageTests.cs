using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Web.Components.Chat;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Chat;

public sealed class ChatPageTests : WebTestContext
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<ChatPage> RenderChat()
    {
        _popovers = RenderPopoverProvider();
        return Render<ChatPage>();
    }

    private static void Ask(IRenderedComponent<ChatPage> chat, string question)
    {
        chat.Find("textarea").Input(question);
        chat.Find("button.wa-send").Click();
    }

    private static SourcesUpdate Sources(AnswerMode mode = AnswerMode.Generative) => new([SampleData.Cited(verified: false)], mode);

    [Fact]
    public void Ask_StreamedTextAppearsBeforeTheFinal_ThenIsReplacedByTheVerifiedText()
    {
        var gate = new TaskCompletionSource();
        Answers.Answer(
            ScriptedAnswerService.Step.Of(Sources()),
            ScriptedAnswerService.Step.Of(new TextUpdate("Im Außenbereich ")),
            ScriptedAnswerService.Step.Of(new TextUpdate("nur ausnahmsweise")),
            ScriptedAnswerService.Step.WaitFor(gate),
            ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Nur wenn öffentliche Belange nicht entgegenstehen [1].", SampleData.Cited()))));
        var chat = RenderChat();

        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Equal("Im Außenbereich nur ausnahmsweise", chat.Find(".wa-streaming").TextContent));
        Assert.Empty(chat.FindAll(".wa-answer-text"));
        Assert.NotEmpty(chat.FindAll("button.wa-stop"));

        gate.SetResult();

        chat.WaitForAssertion(() => Assert.Contains("Nur wenn öffentliche Belange nicht entgegenstehen", chat.Find(".wa-answer-text").TextContent));
        Assert.Empty(chat.FindAll(".wa-streaming"));
        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll("button.wa-stop")));
    }

    [Fact]
    public void FinalAnswer_MarkerBecomesChipShowingTheCitation()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Zulässig nur ausnahmsweise [1].", SampleData.Cited()))));
        var chat = RenderChat();

        Ask(chat, Question);

        var chip = chat.WaitForElement(".wa-answer-text button.wa-cite");
        Assert.Equal("§ 35 Abs. 1 BauGB", chip.TextContent.Trim());
        Assert.Equal("1", chip.GetAttribute("data-marker"));
        Assert.DoesNotContain("[1]", chat.Find(".wa-answer-text").TextContent);
    }

    [Fact]
    public void CitationChip_Click_OpensSourcePanelWithHighlightedPassageStandSourceAndVerifiedState()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Zulässig nur ausnahmsweise [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);

        chat.WaitForElement(".wa-answer-text button.wa-cite").Click();

        chat.WaitForAssertion(() => Assert.Equal("§ 35 Abs. 1 BauGB", chat.Find(".wa-source-title").TextContent.Trim()));
        var passage = chat.Find(".wa-passage");
        Assert.Equal(SampleData.Paragraph35Absatz1.Text, passage.TextContent.Trim());
        Assert.Equal("öffentliche Belange nicht entgegenstehen", Assert.Single(passage.QuerySelectorAll("mark")).TextContent);
        Assert.Equal(SampleData.Stand, chat.Find(".wa-stand").TextContent.Trim());
        Assert.Equal("bund/bbaug.md", chat.Find(".wa-source-file").TextContent.Trim());
        Assert.Contains("Zitat geprüft", chat.Find(".wa-verified").TextContent);
        Assert.Contains("BauGB › Erstes Kapitel › § 35 Bauen im Außenbereich", chat.Find(".wa-heading-path").TextContent);
        Assert.Equal("/norm/BauGB/35?abs=1", chat.Find("a.wa-open-norm").GetAttribute("href"));

        // The whole norm: both Absätze of § 35, the cited one marked.
        chat.WaitForAssertion(() => Assert.Equal(2, chat.FindAll(".wa-norm .wa-norm-part").Count));
        Assert.Contains("Sonstige Vorhaben", chat.Find(".wa-norm").TextContent);
        Assert.Contains("Im Außenbereich", chat.Find(".wa-norm .wa-current").TextContent);
    }

    [Fact]
    public void SourcePanel_CopyButton_CopiesTheQuotationWithCitationAndStand()
    {
        JSInterop.Setup<bool>("wissensassistent.copyText", _ => true).SetResult(true);
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Text [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);
        chat.WaitForElement(".wa-answer-text button.wa-cite").Click();

        chat.WaitForElement("button.wa-copy").Click();

        var copied = (string)JSInterop.VerifyInvoke("wissensassistent.copyText").Arguments[0]!;
        Assert.StartsWith("„(1) Im Außenbereich ist ein Vorhaben nur zulässig", copied);
        Assert.Contains("(§ 35 Abs. 1 BauGB; Stand: " + SampleData.Stand, copied);
    }

    [Fact]
    public void UnverifiedCitation_PanelSaysNotVerified_AndChipWarns()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Text [1].", SampleData.Cited(verified: false)))));
        var chat = RenderChat();
        Ask(chat, Question);

        var chip = chat.WaitForElement(".wa-answer-text button.wa-cite");
        Assert.Contains("wa-cite-unverified", chip.ClassList);
        chip.Click();

        chat.WaitForAssertion(() => Assert.Contains("Zitat nicht belegt", chat.Find(".wa-unverified").TextContent));
    }

    [Fact]
    public void ExtractiveAnswer_ShowsExtractiveBanner()
    {
        var answer = SampleData.Answer(Question, "Satz aus dem Gesetz [1].", SampleData.Cited()) with { Mode = AnswerMode.Extractive };
        Answers.Answer(ScriptedAnswerService.Step.Of(Sources(AnswerMode.Extractive)), ScriptedAnswerService.Step.Of(new FinalUpdate(answer)));
        var chat = RenderChat();

        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Contains("Extraktive Antwort – ohne Sprachmodell zusammengestellt", chat.Find(".wa-extractive").TextContent));
    }

    [Fact]
    public void RefusedAnswer_ShowsRefusalBanner_AndNoExtractiveBanner()
    {
        var answer = SampleData.Answer(Question, "Dazu enthält der Bestand nichts. Am nächsten: § 35 BauGB [1].", SampleData.Cited()) with { Refused = true };
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(answer)));
        var chat = RenderChat();

        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Contains("Keine belastbare Antwort", chat.Find(".wa-refused").TextContent));
        Assert.Empty(chat.FindAll(".wa-extractive"));
        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll("button.wa-stop")));
        Assert.Empty(chat.FindAll(".wa-followup"));
    }

    [Fact]
    public void VerificationIssues_AreShownAsWarnings()
    {
        var answer = SampleData.Answer(Question, "Text [1].", SampleData.Cited(verified: false)) with
        {
            Checks = new VerificationReport(1, 0, 1, 1, 0, ["Zitat nicht belegt: „frei bebaubar“ [1]"]),
        };
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(answer)));
        var chat = RenderChat();

        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Contains("Zitat nicht belegt: „frei bebaubar“ [1]", chat.Find(".wa-issues").TextContent));
    }

    [Fact]
    public void Stop_CancelsTheStream_AndMarksTheAnswerIncomplete()
    {
        var gate = new TaskCompletionSource();
        Answers.Answer(
            ScriptedAnswerService.Step.Of(Sources()),
            ScriptedAnswerService.Step.Of(new TextUpdate("Halb ")),
            ScriptedAnswerService.Step.WaitFor(gate));
        var chat = RenderChat();
        Ask(chat, Question);
        chat.WaitForAssertion(() => Assert.Equal("Halb ", chat.Find(".wa-streaming").TextContent));

        chat.Find("button.wa-stop").Click();

        chat.WaitForAssertion(() => Assert.NotEmpty(chat.FindAll(".wa-cancelled")));
        Assert.True(Answers.SawCancellation);
        Assert.NotEmpty(chat.FindAll("button.wa-send"));
        Assert.Empty(History.Conversations);
    }

    [Fact]
    public void ServiceFailure_ShowsGermanErrorWithoutDetails()
    {
        Answers.Answer(ScriptedAnswerService.Step.Throw(new InvalidOperationException("connection refused at 10.0.0.1")));
        var chat = RenderChat();

        Ask(chat, Question);

        var error = chat.WaitForElement(".wa-failed");
        Assert.Contains("Die Antwort konnte nicht erstellt werden", error.TextContent);
        Assert.DoesNotContain("10.0.0.1", chat.Markup);
    }

    [Fact]
    public void FollowUp_SendsEarlierTurnsAsHistory()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Erste Antwort [1].", SampleData.Cited()))));
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer("Und Ausnahmen?", "Zweite Antwort."))));
        var chat = RenderChat();
        Ask(chat, Question);
        chat.WaitForElement(".wa-answer-text");

        Ask(chat, "Und Ausnahmen?");

        chat.WaitForAssertion(() => Assert.Equal(2, Answers.Requests.Count));
        Assert.Empty(Answers.Requests[0].History ?? []);
        var history = Assert.Single(Answers.Requests[1].History!);
        Assert.Equal(new ConversationTurn(Question, "Erste Antwort [1]."), history);
    }

    [Fact]
    public void FinalAnswer_SuggestsFollowUpsFromCitedNorm_AndClickingOneAsksIt()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Antwort [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.NotEmpty(chat.FindAll(".wa-followup")));
        var followUps = chat.FindAll(".wa-followup").Select(f => f.TextContent.Trim()).ToList();
        Assert.Contains("Was regelt § 35 Abs. 2 BauGB?", followUps);
        Assert.Contains("Welche Ausnahmen gelten nach § 35 BauGB?", followUps);

        chat.FindAll(".wa-followup").First(f => f.TextContent.Contains("Ausnahmen", StringComparison.Ordinal)).Click();

        chat.WaitForAssertion(() => Assert.Equal("Welche Ausnahmen gelten nach § 35 BauGB?", Answers.Requests[^1].Question));
    }

    [Fact]
    public void EnterSends_ShiftEnterDoesNot()
    {
        var chat = RenderChat();
        var box = chat.Find("textarea");
        box.Input(Question);

        box.KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });
        Assert.Empty(Answers.Requests);

        chat.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        chat.WaitForAssertion(() => Assert.Equal(Question, Assert.Single(Answers.Requests).Question));
    }

    [Fact]
    public void QuestionBox_ShowsMaxLength()
    {
        var chat = RenderChat();

        Assert.Contains("/ 500", chat.Markup);
        Assert.Empty(chat.FindAll(".wa-ask .mud-input-error"));
    }

    [Fact]
    public void QuestionBox_OverlongPaste_IsKeptWhole_SaysWhyAndCannotBeSent()
    {
        var chat = RenderChat();

        // The browser cuts a paste at the field's maxlength without a word: the limit must leave room above the question's.
        Assert.True(int.Parse(chat.Find("textarea").GetAttribute("maxlength")!, CultureInfo.InvariantCulture) >= 50_000);
        chat.Find("textarea").Input(new string('x', 1_200));

        Assert.Equal(1_200, chat.Find("textarea").GetAttribute("value")!.Length);
        Assert.Contains("Die Frage ist zu lang: 1.200 Zeichen, höchstens 500. Bitte kürzen Sie sie.", chat.Find(".wa-ask").TextContent, StringComparison.Ordinal);
        Assert.True(chat.Find("button.wa-send").HasAttribute("disabled"));
        chat.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Empty(Answers.Requests);
    }

    [Fact]
    public void Filters_ArePassedIntoTheRequest()
    {
        var chat = RenderChat();
        chat.Find("button.wa-filter-toggle").Click();

        chat.FindAll(".wa-filter-levels .mud-chip").First(c => c.TextContent.Contains("Kommune", StringComparison.Ordinal)).Click();
        chat.FindAll(".wa-filter-types .mud-chip").First(c => c.TextContent.Contains("Satzung", StringComparison.Ordinal)).Click();
        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Single(Answers.Requests));
        var filter = Answers.Requests[0].Filter;
        Assert.NotNull(filter);
        Assert.Equal([Level.Kommune], filter.Levels);
        Assert.Equal([DocumentType.Satzung], filter.Types);
        Assert.Empty(filter.Laws);
    }

    [Fact]
    public void LawFilter_SelectedLawIsPassedIntoTheRequest()
    {
        var chat = RenderChat();
        chat.Find("button.wa-filter-toggle").Click();

        chat.Find("div.wa-filter-laws").MouseDown();
        _popovers!.WaitForElement(".mud-popover-open .mud-list-item").Click();
        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Single(Answers.Requests));
        Assert.Equal(["BauGB"], Answers.Requests[0].Filter!.Laws);
    }

    [Fact]
    public void WithoutFilters_RequestRestrictsNothing_AndReadsAsAnonymous()
    {
        var chat = RenderChat();

        Ask(chat, Question);

        chat.WaitForAssertion(() => Assert.Single(Answers.Requests));
        var filter = Answers.Requests[0].Filter!;
        Assert.True(filter.IsEmpty);
        Assert.Equal(Core.Storage.DocumentAccess.Public, filter.Access);
    }

    [Fact]
    public void EmptyStoreWhileIndexing_ShowsProgressAndDisablesAsking_UntilTheLiveStoreHoldsPassages()
    {
        var chunks = Store.Chunks.ToList();
        Store.Chunks.Clear();
        RefreshReadiness();
        Indexing.Update(_ => IndexingSnapshot.Idle with { Phase = IndexingPhase.Ingesting, FilesDone = 120, FilesTotal = 152 });
        var chat = RenderChat();

        Assert.Contains("Bestand wird aufgebaut: 120 / 152 Dateien", chat.Find(".wa-indexing").TextContent);
        Assert.True(chat.Find("textarea").HasAttribute("disabled"));
        Assert.True(chat.Find("button.wa-send").HasAttribute("disabled"));

        Store.Chunks.AddRange(chunks);
        RefreshReadiness();
        Indexing.Update(s => s with { Phase = IndexingPhase.Completed, FilesDone = 152 });
        Embeddings.Update(_ => new EmbeddingSnapshot(EmbeddingState.Running, "minilm-l6-v2", 100, 900));

        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll(".wa-indexing")));
        Assert.Contains("Bedeutungssuche wird noch vorbereitet", chat.Find(".wa-embedding-hint").TextContent);
        Assert.False(chat.Find("textarea").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(IndexingPhase.Ingesting)]
    [InlineData(IndexingPhase.Failed)]
    public void LiveStoreHoldsPassages_AskingStaysEnabled_DuringAndAfterAFailedReindex(IndexingPhase phase)
    {
        Indexing.Update(_ => IndexingSnapshot.Idle with { Phase = phase, FilesDone = 3, FilesTotal = 152 });

        var chat = RenderChat();

        Assert.Empty(chat.FindAll(".wa-indexing"));
        Assert.False(chat.Find("textarea").HasAttribute("disabled"));
        Ask(chat, Question);
        chat.WaitForAssertion(() => Assert.Single(Answers.Requests));
    }

    [Fact]
    public void EmptyStoreAndNoRun_SaysTheStoreIsEmptyInsteadOfWaitingForever()
    {
        Store.Chunks.Clear();
        RefreshReadiness();
        Indexing.Update(_ => IndexingSnapshot.Idle);

        var chat = RenderChat();

        Assert.Contains("Der Bestand ist leer", chat.Find(".wa-indexing").TextContent);
        Assert.True(chat.Find("textarea").HasAttribute("disabled"));
    }

    [Fact]
    public void Vote_SavesFeedbackWithCitedPassagesOnly_AndVotingAgainWithdrawsIt()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Antwort [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);

        chat.WaitForElement("button.wa-vote-up").Click();

        var entry = Assert.Single(Feedback.Entries.Values);
        Assert.Equal(FeedbackKind.AnswerHelpful, entry.Kind);
        Assert.Equal([SampleData.Paragraph35Absatz1.Id], entry.ChunkIds);

        chat.Find("button.wa-vote-down").Click();
        Assert.Equal(FeedbackKind.AnswerNotHelpful, Assert.Single(Feedback.Entries.Values).Kind);

        chat.Find("button.wa-vote-down").Click();
        Assert.Empty(Feedback.Entries);
    }

    [Fact]
    public void CitationWrong_SavesFeedbackForThatPassage()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Antwort [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);
        chat.WaitForElement(".wa-answer-text button.wa-cite").Click();

        chat.WaitForElement("button.wa-citation-wrong").Click();

        var entry = Assert.Single(Feedback.Entries.Values);
        Assert.Equal(FeedbackKind.CitationWrong, entry.Kind);
        Assert.Equal("§ 35 Abs. 1 BauGB", entry.Citation);
        Assert.Equal([SampleData.Paragraph35Absatz1.Id], entry.ChunkIds);
    }

    [Fact]
    public void ExportCopy_PutsTheVermerkOnTheClipboard()
    {
        JSInterop.Setup<bool>("wissensassistent.copyText", _ => true).SetResult(true);
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Antwort [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);

        chat.WaitForElement("button.wa-export-copy").Click();

        var markdown = (string)JSInterop.VerifyInvoke("wissensassistent.copyText").Arguments[0]!;
        Assert.Contains("# Vermerk", markdown);
        Assert.Contains("> " + Question, markdown);
        Assert.Contains("### [1] § 35 Abs. 1 BauGB", markdown);
    }

    [Fact]
    public async Task CompletedAnswer_IsSavedToHistory_AndReopenedFromTheAddress()
    {
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer(Question, "Gespeicherte Antwort [1].", SampleData.Cited()))));
        var chat = RenderChat();
        Ask(chat, Question);
        chat.WaitForAssertion(() => Assert.Single(History.Conversations));
        var stored = History.Conversations.Values.Single();
        Assert.Equal(Question, stored.Title);
        await DisposeComponentsAsync();

        Services.GetRequiredService<NavigationManager>().NavigateTo(HistoryPage.OpenHref(stored.Summary));
        var reopened = RenderChat();

        reopened.WaitForAssertion(() => Assert.Contains("Gespeicherte Antwort", reopened.Find(".wa-answer-text").TextContent));
        Assert.Equal(Question, reopened.Find(".wa-question-text").TextContent);
        Assert.NotEmpty(reopened.FindAll(".wa-answer-text button.wa-cite"));
    }
}
