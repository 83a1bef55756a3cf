using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>
/// The chat: asks, streams the answer, keeps the conversation for follow-ups and in the history. A signed-in user's
/// answer runs on the server (<see cref="AnswerRuns"/>) and is stored there, and the page's address names the
/// conversation, so that a reload during an answer shows the question, pending, and then the answer. An anonymous
/// user's answer belongs to the page and is kept in the browser, as before.
/// </summary>
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
    private AnswerRun? _serverAnswer;
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
    private ConversationArchive Archive { get; set; } = default!;

    [Inject]
    private AnswerRuns Runs { get; set; } = default!;

    [Inject]
    private QuestionAudit Questions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

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
        var owner = await OwnerAsync();
        var found = owner is not null
            ? await Archive.GetAsync(owner, id)
            : await History.GetAsync(id) is { } kept ? (kept, []) : null;
        if (found is not var (stored, pending))
        {
            ChatLog.ConversationMissing(Logger, id);
            Snackbar.Add(owner is null ? "Diese Unterhaltung ist in diesem Browser nicht (mehr) gespeichert." : "Diese Unterhaltung gibt es nicht (mehr).", Severity.Warning);
            return;
        }

        _turns.Clear();
        _turns.AddRange(stored.Turns.Select(ChatTurn.FromStored));
        _conversationId = stored.Id;
        _conversationStarted = stored.CreatedAt;
        var attach = new List<(ChatTurn Turn, AnswerRun Run)>();
        foreach (var question in pending)
        {
            var turn = new ChatTurn(question.Question, null, question.TurnId);
            _turns.Add(turn);
            if (owner is not null && Runs.Find(owner, question.TurnId) is { } run)
            {
                attach.Add((turn, run));
            }
            else
            {
                turn.Fail("Die Antwort auf diese Frage wurde durch einen Neustart des Servers unterbrochen. Bitte erneut fragen.");
                await Archive.DiscardTurnAsync(owner!, question.TurnId);
            }
        }

        StateHasChanged();
        foreach (var (turn, run) in attach)
        {
            // Still being answered on the server: shown pending, then completed.
            using var reading = new CancellationTokenSource();
            await FollowAsync(turn, run, reading);
        }
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

    /// <summary>„Stopp“: a server-side answer is stopped there; an answer of this page by ending its stream.</summary>
    private void Stop()
    {
        if (_serverAnswer is { } run)
        {
            run.Cancel();
        }
        else
        {
            _answering?.Cancel();
        }
    }

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

        // Busy from here: a second question must not start while this one is being stored.
        using var answering = new CancellationTokenSource();
        _answering = answering;
        StateHasChanged();
        await ScrollToAsync(turn);

        if (await OwnerAsync() is { } owner)
        {
            if (await BeginOnServerAsync(owner, turn, request) is { } run)
            {
                await FollowAsync(turn, run, answering);
            }

            _answering = null;
            StateHasChanged();
            return;
        }

        await ReadAsync(turn, Answers.AskStreamingAsync(request, answering.Token), answering);
        if (turn.Answer is { } answer)
        {
            await SaveConversationAsync();
            await Questions.RecordAsync(AuditActors.Anonymous, question, answer);
            await SuggestFollowUpsAsync(turn, answer);
        }

        StateHasChanged();
    }

    /// <summary>Stores the question as pending, names the conversation in the address (for a reload) and starts the answer.</summary>
    private async Task<AnswerRun?> BeginOnServerAsync(string owner, ChatTurn turn, AnswerRequest request)
    {
        var now = Clock.GetUtcNow();
        var title = TitleOf(_turns[0].Question);
        if (!await Archive.BeginTurnAsync(owner, _conversationId, title, turn.Id, turn.Question, now))
        {
            // The id is another user's conversation (a forged address): this question starts a conversation of its own.
            _conversationId = Guid.NewGuid();
            if (!await Archive.BeginTurnAsync(owner, _conversationId, TitleOf(turn.Question), turn.Id, turn.Question, now))
            {
                turn.Fail("Die Frage konnte nicht gespeichert werden. Bitte erneut fragen.");
                return null;
            }
        }

        if (!Guid.TryParse(ConversationParameter, out var shown) || shown != _conversationId)
        {
            _loadedConversation = _conversationId;
            Navigation.NavigateTo($"/?c={_conversationId:N}", replace: true);
        }

        return Runs.Start(owner, _conversationId, turn.Id, request);
    }

    /// <summary>Shows a server-side answer as it is written; leaving the page stops the showing, not the answer.</summary>
    private async Task FollowAsync(ChatTurn turn, AnswerRun run, CancellationTokenSource reading)
    {
        _answering = reading;
        _serverAnswer = run;
        try
        {
            await ReadAsync(turn, run.ReadAllAsync(reading.Token), reading);
        }
        finally
        {
            _serverAnswer = null;
        }

        if (turn.State == ChatTurnState.Streaming || turn.Answer is null)
        {
            if (run.IsCancelled)
            {
                turn.Cancel();
            }
            else if (run.Error is { } error)
            {
                turn.Fail(error);
            }
        }

        if (turn.Answer is { } answer)
        {
            await SuggestFollowUpsAsync(turn, answer);
        }

        StateHasChanged();
    }

    private async Task ReadAsync(ChatTurn turn, IAsyncEnumerable<AnswerUpdate> updates, CancellationTokenSource answering)
    {
        StateHasChanged();
        try
        {
            await foreach (var update in updates.WithCancellation(answering.Token))
            {
                turn.Apply(update, Clock.GetUtcNow());
                StateHasChanged();
            }

            if (turn.Answer is null && _serverAnswer is null)
            {
                turn.Fail(AnswerRuns.IncompleteMessage);
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
            turn.Fail(AnswerRuns.FailedMessage);
        }
        finally
        {
            _answering = null;
        }
    }

    private async Task SuggestFollowUpsAsync(ChatTurn turn, Answer answer) =>
        turn.FollowUps = answer.Refused ? [] : FollowUpQuestions.Suggest(answer, await KnownPartsAsync(answer, await Reader.GetAccessAsync()));

    private async Task<string?> OwnerAsync() =>
        AuthenticationState is null ? null : ConversationOwner.Of((await AuthenticationState).User);

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
