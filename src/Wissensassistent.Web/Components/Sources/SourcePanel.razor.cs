using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Web.Components.Chat;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Sources;

/// <summary>The passage behind a citation, verbatim and highlighted, within its whole norm.</summary>
public sealed partial class SourcePanel
{
    private IReadOnlyList<PassageSegment> _segments = [];
    private IReadOnlyDictionary<Citation, ReferenceTarget> _targets = new Dictionary<Citation, ReferenceTarget>();
    private IReadOnlyList<ContextPart> _context = [];
    private string? _loadedChunkId;
    private bool _loading;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private IFeedbackStore Feedback { get; set; } = default!;

    [Inject]
    private LawDirectory Laws { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Inject]
    private BrowserInterop Browser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<SourcePanel> Logger { get; set; } = default!;

    [Parameter]
    public bool Open { get; set; }

    [Parameter]
    public EventCallback<bool> OpenChanged { get; set; }

    [Parameter]
    public AnswerCitation? Citation { get; set; }

    /// <summary>The answer the citation belongs to: its question drives the highlight, and feedback refers to it.</summary>
    [Parameter]
    public ChatTurn? Turn { get; set; }

    private bool IsMarkedWrong => Citation is { } c && Turn?.WrongCitations.ContainsKey(c.Marker) == true;

    protected override async Task OnParametersSetAsync()
    {
        if (Citation is not { } citation)
        {
            return;
        }

        var highlighted = PassageHighlighter.Highlight(citation.Chunk.Text, citation.Quotes, Turn?.Question);
        _segments = PassageSegments.Split(citation.Chunk.Text, citation.Chunk.References, highlighted);
        if (citation.Chunk.Id == _loadedChunkId)
        {
            return;
        }

        _loadedChunkId = citation.Chunk.Id;
        _loading = true;
        _context = [];
        _targets = new Dictionary<Citation, ReferenceTarget>();
        try
        {
            // The rest of the norm may lie in a file this reader may not see; the cited passage itself was retrieved for them.
            var chunk = citation.Chunk;
            var access = await Reader.GetAccessAsync();
            var norm = access.Filter(await Store.GetNormAsync(chunk.Citation.Law, chunk.Citation.Section));
            var context = norm.Any(c => c.Id == chunk.Id) ? norm : access.Filter(await Store.GetNeighboursAsync(chunk.Id, 2));

            // Split once per loaded norm: the panel re-renders with the chat, the surrounding parts do not change.
            _context = context.Select(part => new ContextPart(part, PassageSegments.Split(part.Text, part.References))).ToList();
            _targets = await new CrossReferenceTargets(Store, await Laws.GetLawsAsync(access)).CheckAsync(context.Append(chunk));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SourceLog.NormFailed(Logger, citation.Chunk.Id, exception);
            _context = [];
        }
        finally
        {
            _loading = false;
        }
    }

    private Task CloseAsync() => OpenChanged.InvokeAsync(false);

    private async Task CopyAsync()
    {
        if (Citation is not { } citation)
        {
            return;
        }

        var copied = false;
        try
        {
            copied = await Browser.CopyTextAsync(QuotationFormatter.Format(citation.Chunk));
        }
        catch (JSException exception)
        {
            SourceLog.CopyFailed(Logger, exception);
        }

        if (copied)
        {
            Snackbar.Add("Zitat in die Zwischenablage kopiert.", Severity.Success);
        }
        else
        {
            Snackbar.Add("Kopieren nicht möglich – bitte den Text markieren und kopieren.", Severity.Warning);
        }
    }

    private async Task ToggleWrongAsync()
    {
        if (Citation is not { } citation || Turn is not { } turn)
        {
            return;
        }

        try
        {
            if (turn.WrongCitations.Remove(citation.Marker, out var id))
            {
                await Feedback.DeleteAsync(id);
                Snackbar.Add("Meldung zurückgenommen.", Severity.Info);
                return;
            }

            var entry = new FeedbackEntry(
                Guid.NewGuid(),
                FeedbackKind.CitationWrong,
                Clock.GetUtcNow(),
                turn.Mode ?? AnswerMode.Generative,
                [citation.Chunk.Id],
                CitationFormatter.Format(citation.Chunk.Citation));
            await Feedback.SaveAsync(entry);
            turn.WrongCitations[citation.Marker] = entry.Id;
            Snackbar.Add("Danke – das Zitat wurde als falsch gemeldet.", Severity.Success);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SourceLog.FeedbackFailed(Logger, exception);
            Snackbar.Add("Die Rückmeldung konnte nicht gespeichert werden.", Severity.Error);
        }
    }

    private sealed record ContextPart(Chunk Chunk, IReadOnlyList<PassageSegment> Segments);
}
