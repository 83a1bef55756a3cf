using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Admin;

/// <summary>
/// The admin area: state of the corpus, reindexing with live progress, cancel and history, uploads, users and feedback.
/// Progress arrives as it happens when reindexing runs in this process; from the worker it is polled.
/// </summary>
public sealed partial class AdminPage : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private ReindexStatus _status = new(null, IndexingSnapshot.Idle, null);
    private IReadOnlyList<ReindexRun> _history = [];
    private StoreStatistics? _statistics;
    private string? _shownActiveId;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;
    private bool _showingOutage;
    private ITimer? _poll;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IReindexControl Control { get; set; } = default!;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IAuditTrail Audit { get; set; } = default!;

    [Inject]
    private IOptions<SignInOptions> SignIn { get; set; } = default!;

    [Inject]
    private TimeProvider TimeProvider { get; set; } = default!;

    private IndexingSnapshot Progress => _status.Progress;

    private AuthenticationMode SignInMode => SignIn.Value.Mode;

    private IReadOnlyList<FileError> Errors =>
        Progress.Errors.Count > 0 ? Progress.Errors : _status.LastFinished?.Errors ?? [];

    private IReadOnlyList<FileError> Warnings => _status.LastFinished?.Warnings ?? [];

    private double FilePercent => Progress.FilesTotal == 0 ? 0 : 100.0 * Progress.FilesDone / Progress.FilesTotal;

    private string GenerationText =>
        _history.FirstOrDefault(run => run.Mode == ReindexMode.Full && run.Outcome == ReindexOutcome.Succeeded) is { } full
            ? $"aus der vollständigen Neuindizierung vom {AdminFormat.Time(full.FinishedAt)}"
            : "fortlaufend inkrementell aufgebaut";

    public void Dispose()
    {
        Control.Changed -= OnControlChanged;
        _poll?.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        Control.Changed += OnControlChanged;
        // A worker that is down must not break the page: it says so and polling tries again.
        await RefreshSafelyAsync(reload: true);
        _poll = TimeProvider.CreateTimer(_ => _ = InvokeAsync(PollAsync), null, PollInterval, PollInterval);
    }

    private async Task StartAsync(ReindexMode mode)
    {
        await RunActionAsync(AuditActions.ReindexStarted, $"Neuindizierung ({AdminFormat.Mode(mode)})", async () =>
        {
            var run = await Control.StartAsync(mode, ReindexTrigger.Admin);
            await Audit.RecordAsync(
                await AuditActorName.OfAsync(AuthenticationState),
                AuditActions.ReindexStarted,
                run is null ? $"Neuindizierung ({AdminFormat.Mode(mode)})" : ReindexAudit.ObjectOf(run),
                run is null ? "abgelehnt: es läuft bereits eine Neuindizierung" : "gestartet");
            Show(run is null
                ? ("Es läuft bereits eine Neuindizierung. Bitte warten oder sie abbrechen.", Severity.Warning)
                : ($"Die {AdminFormat.Mode(mode)}e Neuindizierung wurde gestartet.", Severity.Success));
        });
    }

    private async Task CancelAsync()
    {
        await RunActionAsync(AuditActions.ReindexCancelled, "Neuindizierung", async () =>
        {
            var run = await Control.CancelAsync();
            await Audit.RecordAsync(
                await AuditActorName.OfAsync(AuthenticationState),
                AuditActions.ReindexCancelled,
                run is null ? "Neuindizierung" : ReindexAudit.ObjectOf(run),
                run is null ? "abgelehnt: es läuft keine Neuindizierung" : "Abbruch angefordert");
            Show(run is null
                ? ("Es läuft keine Neuindizierung.", Severity.Info)
                : ("Die Neuindizierung wird abgebrochen; der bisherige Index bleibt aktiv.", Severity.Info));
        });
    }

    /// <summary>Every action checks the Admin policy on the server first; the buttons are only the surface.</summary>
    private async Task RunActionAsync(string auditAction, string subject, Func<Task> action)
    {
        if (!await AdminAccess.IsGrantedAsync(Authorization, AuthenticationState, Audit, auditAction, subject))
        {
            Show((AdminAccess.Denied, Severity.Error));
            return;
        }

        _busy = true;
        try
        {
            await action();
            await RefreshAsync(reload: true);
        }
        catch (HttpRequestException exception)
        {
            Show(($"Der Ingestion-Worker ist nicht erreichbar oder lehnt die Anfrage ab ({exception.StatusCode?.ToString() ?? exception.Message}).", Severity.Error));
        }
        catch (TaskCanceledException)
        {
            Show(("Der Ingestion-Worker hat nicht rechtzeitig geantwortet. Bitte den Status gleich erneut prüfen.", Severity.Error));
        }
        catch (KnowledgeStoreUnavailableException outage)
        {
            ShowOutage(outage);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show((string Text, Severity Severity) message)
    {
        (_message, _messageSeverity) = message;
        _showingOutage = false;
    }

    /// <summary>The store is down: say so, after what an action just did ("… gestartet.") if it did anything.</summary>
    private void ShowOutage(KnowledgeStoreUnavailableException outage)
    {
        var text = $"Der Wissensspeicher ist derzeit nicht erreichbar; Bestand und Zähler können gerade nicht angezeigt werden. {outage.Message}";
        Show((_messageSeverity == Severity.Success && _message is not null ? $"{_message} {text}" : text, Severity.Error));
        _showingOutage = true;
    }

    private async Task PollAsync()
    {
        if (_status.Active is null && Control.ReportsChanges)
        {
            return;
        }

        await RefreshSafelyAsync();
        StateHasChanged();
    }

    private void OnControlChanged() => _ = InvokeAsync(async () =>
    {
        await RefreshSafelyAsync();
        StateHasChanged();
    });

    private async Task RefreshSafelyAsync(bool reload = false)
    {
        try
        {
            await RefreshAsync(reload);
        }
        catch (HttpRequestException exception)
        {
            Show(($"Der Status des Ingestion-Workers ist nicht abrufbar ({exception.StatusCode?.ToString() ?? exception.Message}).", Severity.Error));
        }
        catch (TaskCanceledException)
        {
            // A slow worker; the next poll tries again.
        }
        catch (KnowledgeStoreUnavailableException outage)
        {
            ShowOutage(outage);
        }
    }

    /// <summary>Status always; history and counts when asked to or when a run started or ended.</summary>
    private async Task RefreshAsync(bool reload)
    {
        _status = await Control.GetStatusAsync();
        var activeId = _status.Active?.Id;
        if (reload || activeId != _shownActiveId || _showingOutage)
        {
            _shownActiveId = activeId;
            _history = await Control.GetHistoryAsync();
            _statistics = await Store.GetStatisticsAsync();
            if (_showingOutage)
            {
                // The store answers again: the outage notice has done its job.
                _message = null;
                _showingOutage = false;
            }
        }
    }
}
