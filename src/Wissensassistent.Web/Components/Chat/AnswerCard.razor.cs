using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Interop;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>One question with its answer: banners, text with citation chips, checks, feedback, export, follow-ups.</summary>
public sealed partial class AnswerCard
{
    [Inject]
    private IFeedbackStore Feedback { get; set; } = default!;

    [Inject]
    private BrowserInterop Browser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<AnswerCard> Logger { get; set; } = default!;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private LawDirectory Laws { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired]
    public ChatTurn Turn { get; set; } = default!;

    [Parameter]
    public EventCallback<AnswerCitation> OnCitationClick { get; set; }

    [Parameter]
    public EventCallback<string> OnFollowUp { get; set; }

    /// <summary>Follow-ups are offered only while no other answer is being written.</summary>
    [Parameter]
    public bool CanFollowUp { get; set; } = true;

    public string ElementId => $"turn-{Turn.Id:N}";

    // The extractive banner already says so; other notices are shown as they come.
    private IEnumerable<string> Notices => (Turn.Answer?.Notices ?? [])
        .Where(n => !n.StartsWith("Extraktive Antwort", StringComparison.OrdinalIgnoreCase));

    private string Pressed(FeedbackKind kind) => Turn.Vote == kind ? "true" : "false";

    private async Task VoteAsync(FeedbackKind kind)
    {
        if (Turn.Answer is not { } answer)
        {
            return;
        }

        try
        {
            if (Turn.Vote == kind)
            {
                await Feedback.DeleteAsync(Turn.VoteId);
                Turn.Vote = null;
                return;
            }

            var entry = new FeedbackEntry(Turn.VoteId, kind, Clock.GetUtcNow(), answer.Mode, answer.Citations.Select(c => c.Chunk.Id).Distinct().ToList());
            await Feedback.SaveAsync(entry);
            Turn.Vote = kind;
            Snackbar.Add("Danke für Ihre Rückmeldung.", Severity.Success);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ChatLog.FeedbackFailed(Logger, exception);
            Snackbar.Add("Die Rückmeldung konnte nicht gespeichert werden.", Severity.Error);
        }
    }

    private async Task CopyVermerkAsync(Answer answer)
    {
        var copied = false;
        try
        {
            copied = await Browser.CopyTextAsync(await VermerkAsync(answer, Turn.AnsweredAt?.ToLocalTime()));
        }
        catch (JSException exception)
        {
            ChatLog.BrowserCallFailed(Logger, exception);
        }

        Snackbar.Add(
            copied ? "Vermerk in die Zwischenablage kopiert." : "Kopieren nicht möglich – bitte „Vermerk herunterladen“ verwenden.",
            copied ? Severity.Success : Severity.Warning);
    }

    private async Task DownloadVermerkAsync(Answer answer)
    {
        var at = (Turn.AnsweredAt ?? Clock.GetUtcNow()).ToLocalTime();
        var fileName = $"Vermerk-{at:yyyy-MM-dd-HHmm}.md";
        try
        {
            await Browser.DownloadTextAsync(fileName, await VermerkAsync(answer, at), "text/markdown;charset=utf-8");
        }
        catch (JSException exception)
        {
            ChatLog.BrowserCallFailed(Logger, exception);
            Snackbar.Add("Der Download konnte nicht gestartet werden.", Severity.Error);
        }
    }

    /// <summary>The Vermerk with the cited passages' references as links into the norm view (plain, should the store be down).</summary>
    private async Task<string> VermerkAsync(Answer answer, DateTimeOffset? at)
    {
        IReadOnlyDictionary<Core.Citations.Citation, ReferenceTarget>? targets = null;
        try
        {
            targets = await new CrossReferenceTargets(Store, await Laws.GetLawsAsync(await Reader.GetAccessAsync())).CheckAsync(answer.Citations.Select(c => c.Chunk));
        }
        catch (KnowledgeStoreUnavailableException)
        {
            // The Vermerk does not depend on the references; it is written without them.
        }

        return AnswerMarkdownExporter.Export(answer, at, targets, new Uri(Navigation.BaseUri));
    }
}
