using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>The chat: asks, streams the answer, keeps the conversation for follow-ups and in the browser history.</summary>
public sealed partial class ChatPage : IDisposable
{
    private readonly List<ChatTurn> _turns = [];
    private readonly ChatFilter _filter = new();
    private IReadOnlyList<LawInfo> _laws = [];
    private ReadinessSnapshot _readiness = ReadinessSnapshot.Unknown;
    private IndexingSnapshot _run = IndexingSnapshot.Idle;
    private EmbeddingSnapshot _embeddings = EmbeddingSnapshot.Disabled;
    private string _question = "";
    private bool _filtersOpen;
    private bool _lawsLoaded;
    private bool _rendered;
    private CancellationTokenSource? _answering;
    private Guid _conversationId = Guid.NewGuid();
    private DateTimeOffset? _conversationStarted;
    private Guid? _loadedConversation;
    private bool _sourceOpen;
    private AnswerCitation? _source;
    private ChatTurn? _sourceTurn;

    [Inject]
    private IAnswerService Answers { get; set; } = default!;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private KnowledgeReadiness Readiness { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Inject]
    private LawDirectory Laws { get; set; } = default!;

    [Inject]
    private IndexingStatus Indexing { get; set; } = default!;

    [Inject]
    private EmbeddingStatus Embeddings { get; set; } = default!;

    [Inject]
    private IConversationHistory History { get; set; } = default!;

    [Inject]
    private BrowserInterop Browser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IOptions<WebUiOptions> Options { get; set; } = default!;

    [Inject]
    private ILogger<ChatPage> Logger { get; set; } = default!;

    /// <summary>A stored conversation to reopen (<c>/?c=…</c>).</summary>
    [SupplyParameterFromQuery(Name = "c")]
    public string? ConversationParameter { get; set; }

    private bool IsBusy => _answering is not null;

    private bool CanAsk => !IsBusy && _readiness.CanAnswer;

    public void Dispose()
    {
        Readiness.Changed -= OnReadinessChanged;
        Indexing.Changed -= OnRunChanged;
        Embeddings.Changed -= OnEmbeddingsChanged;
        _answering?.Cancel();
        _answering?.Dispose();
        _answering = null;
    }

    protected override void OnInitialized()
    {
        _readiness = Readiness.Current;
        _run = Indexing.Current;
        _embeddings = Embeddings.Current;
        Readiness.Changed += OnReadinessChanged;
        Indexing.Changed += OnRunChanged;
        Embeddings.Changed += OnEmbeddingsChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_rendered)
        {
            await ReopenFromQueryAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _rendered = true;
            await ReopenFromQueryAsync();
        }
    }

    private async Task ReopenFromQueryAsync()
    {
        if (!Guid.TryParse(ConversationParameter, out var id) || id == _loadedConversation || IsBusy)
        {
            return;
        }

        _loadedConversation = id;
        var stored = await History.GetAsync(id);
        if (stored is null)
        {
            ChatLog.ConversationMissing(Logger, id);
            Snackbar.Add("Diese Unterhaltung ist in diesem Browser nicht (mehr) gespeichert.", Severity.Warning);
            return;
        }

        _turns.Clear();
        _turns.AddRange(stored.Turns.Select(ChatTurn.FromStored));
        _conversationId = stored.Id;
        _conversationStarted = stored.CreatedAt;
        StateHasChanged();
    }

    /// <summary>Asking follows the live store alone: a run in progress, or one that failed, never disables it.</summary>
    private void OnReadinessChanged(ReadinessSnapshot snapshot) =>
        _ = InvokeAsync(() =>
        {
            if (snapshot.Statistics != _readiness.Statistics)
            {
                _lawsLoaded = false;
            }

            _readiness = snapshot;
            StateHasChanged();
        });

    private void OnRunChanged(IndexingSnapshot snapshot) =>
        _ = InvokeAsync(() =>
        {
            _run = snapshot;
            StateHasChanged();
        });

    private void OnEmbeddingsChanged(EmbeddingSnapshot snapshot) =>
        _ = InvokeAsync(() =>
        {
            _embeddings = snapshot;
            StateHasChanged();
        });

    private async Task ToggleFiltersAsync()
    {
        _filtersOpen = !_filtersOpen;
        if (_filtersOpen && !_lawsLoaded)
        {
            try
            {
                _laws = (await Laws.GetLawsAsync(await Reader.GetAccessAsync())).OrderBy(l => l.Level).ThenBy(l => l.Law, StringComparer.OrdinalIgnoreCase).ToList();
                _lawsLoaded = true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ChatLog.LawsFailed(Logger, exception);
                Snackbar.Add("Die Liste der Gesetze konnte nicht geladen werden.", Severity.Warning);
            }
        }
    }

    private void Stop() => _answering?.Cancel();

    private void NewConversation()
    {
        _turns.Clear();
        _conversationId = Guid.NewGuid();
        _conversationStarted = null;
        _loadedConversation = null;
        _sourceOpen = false;
        if (ConversationParameter is not null)
        {
            Navigation.NavigateTo("/");
        }
    }

    private void OpenSource(ChatTurn turn, AnswerCitation citation)
    {
        _sourceTurn = turn;
        _source = citation;
        _sourceOpen = true;
    }

    private async Task AskAsync(string question)
    {
        question = question.Trim();
        if (!CanAsk || question.Length == 0)
        {
            return;
        }

        if (question.Length > Options.Value.MaxQuestionLength)
        {
            Snackbar.Add($"Die Frage ist zu lang (höchstens {Options.Value.MaxQuestionLength} Zeichen).", Severity.Warning);
            return;
        }

        var filter = _filter.ToSearchFilter();
        // Who asks travels with the filter into retrieval; the turn keeps only what the user chose.
        var access = await Reader.GetAccessAsync();
        var request = new AnswerRequest(question, EarlierTurns(), (filter ?? SearchFilter.None) with { Access = access });
        var turn = new ChatTurn(question, filter);
        _turns.Add(turn);
        _question = "";
        using var answering = new CancellationTokenSource();
        _answering = answering;
        StateHasChanged();
        await ScrollToAsync(turn);

        try
        {
            await foreach (var update in Answers.AskStreamingAsync(request, answering.Token).WithCancellation(answering.Token))
            {
                turn.Apply(update, Clock.GetUtcNow());
                StateHasChanged();
            }

            if (turn.Answer is null)
            {
                turn.Fail("Die Antwort ist unvollständig geblieben. Bitte erneut fragen.");
            }
        }
        catch (OperationCanceledException) when (answering.IsCancellationRequested)
        {
            ChatLog.AnswerCancelled(Logger);
            turn.Cancel();
        }
        catch (Exception exception)
        {
            ChatLog.AnswerFailed(Logger, exception);
            turn.Fail("Die Antwort konnte nicht erstellt werden. Bitte versuchen Sie es später erneut.");
        }
        finally
        {
            _answering = null;
        }

        if (turn.Answer is { } answer)
        {
            await SaveConversationAsync();
            turn.FollowUps = answer.Refused ? [] : FollowUpQuestions.Suggest(answer, await KnownPartsAsync(answer, access));
        }

        StateHasChanged();
    }

    /// <summary>Completed earlier answers, newest last, as the service resolves follow-ups against them.</summary>
    private IReadOnlyList<ConversationTurn> EarlierTurns() => _turns
        .Where(t => t.Answer is not null)
        .TakeLast(Options.Value.HistoryTurns)
        .Select(t => new ConversationTurn(t.Question, t.Answer!.Text))
        .ToList();

    private async Task<IReadOnlyCollection<Citation>> KnownPartsAsync(Answer answer, DocumentAccess access)
    {
        var first = answer.Citations.OrderBy(c => c.Marker).Select(c => c.Chunk.Citation).FirstOrDefault();
        if (first is null)
        {
            return [];
        }

        try
        {
            return access.Filter(await Store.GetNormAsync(first.Law, first.Section)).Select(c => c.Citation).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ChatLog.NormPartsFailed(Logger, exception);
            return [];
        }
    }

    private async Task SaveConversationAsync()
    {
        var stored = _turns.Select(t => t.ToStored()).OfType<StoredTurn>().ToList();
        if (stored.Count == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        _conversationStarted ??= now;
        var title = TitleOf(stored[0].Answer.Question);
        bool saved;
        try
        {
            saved = await History.SaveAsync(new StoredConversation(_conversationId, title, _conversationStarted.Value, now, stored));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The answer is on screen; a history that cannot be written must not end the session.
            ChatLog.HistoryFailed(Logger, exception);
            saved = false;
        }

        if (!saved)
        {
            Snackbar.Add("Der Verlauf konnte in diesem Browser nicht gespeichert werden (Speicher voll oder gesperrt).", Severity.Warning);
        }
    }

    private static string TitleOf(string question)
    {
        var line = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    private async Task ScrollToAsync(ChatTurn turn)
    {
        try
        {
            await Browser.ScrollIntoViewAsync($"turn-{turn.Id:N}");
        }
        catch (JSException exception)
        {
            ChatLog.BrowserCallFailed(Logger, exception);
        }
    }
}
