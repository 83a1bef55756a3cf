using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Formats;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Drafts;

/// <summary>
/// "Zitate prüfen": a draft pasted or uploaded, its citations and quotations checked (<see cref="DraftCitationCheck"/>).
/// The draft lives only in this circuit's memory; it is neither stored nor logged, and leaving the page drops it.
/// </summary>
public sealed partial class DraftCheckPage
{
    private const string Denied = "Zitate prüfen können nur angemeldete Mitarbeitende.";

    private string? _draft;
    private string? _fileName;
    private string? _error;
    private bool _checking;
    private DraftCheckReport? _report;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private DraftCitationCheck Check { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    private async Task CheckAsync()
    {
        _fileName = null;
        await RunAsync(() => Task.FromResult(_draft ?? string.Empty));
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _fileName = file.Name;
        await RunAsync(async () =>
        {
            // Too large: refused on the declared size, before a byte crosses the connection.
            DraftFileReader.EnsureWithinLimit(file.Size);

            await using var content = file.OpenReadStream(DraftFileReader.MaxBytes);
            var text = await DraftFileReader.ReadAsync(file.Name, content);
            _draft = text;
            return text;
        });
    }

    private async Task RunAsync(Func<Task<string>> readDraft)
    {
        _error = null;
        _report = null;
        if (!await IsGrantedAsync())
        {
            _error = Denied;
            return;
        }

        _checking = true;
        try
        {
            var draft = await readDraft();
            _report = await Check.CheckAsync(draft, await Reader.GetAccessAsync());
        }
        catch (DraftRejectedException rejected)
        {
            _error = rejected.Message;
        }
        catch (IOException)
        {
            _error = "Die Datei konnte nicht vollständig übertragen werden; bitte erneut versuchen.";
        }
        catch (KnowledgeStoreUnavailableException)
        {
            _error = "Der Bestand ist gerade nicht erreichbar; bitte später erneut prüfen.";
        }
        finally
        {
            _checking = false;
        }
    }

    private Task<bool> IsGrantedAsync() => CircuitAuthorization.IsGrantedAsync(Authorization, AuthenticationState, Policies.DraftCheck);
}
