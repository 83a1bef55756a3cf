using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MudBlazor;
using Wissensassistent.Web.History;

namespace Wissensassistent.Web.Components.History;

public sealed partial class HistoryPage
{
    private List<ConversationSummary>? _conversations;
    private string? _search;
    private bool _onServer;

    [Inject]
    private IConversationHistory History { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IOptions<HistoryOptions> Options { get; set; } = default!;

    private int RetentionDays => Options.Value.RetentionDays;

    /// <summary>The chat page reopens a conversation from this address.</summary>
    public static string OpenHref(ConversationSummary conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return $"/?c={conversation.Id:N}";
    }

    protected override async Task OnInitializedAsync()
    {
        _onServer = await History.IsOnServerAsync();
        await SearchAsync();
    }

    private async Task SearchAsync() => _conversations = (await History.ListAsync(_search)).ToList();

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private static string TurnsText(int turns) => turns == 1 ? "1 Frage" : $"{turns} Fragen";

    private async Task DeleteAsync(ConversationSummary conversation)
    {
        await History.DeleteAsync(conversation.Id);
        _conversations?.Remove(conversation);
        Snackbar.Add($"„{conversation.Title}“ wurde gelöscht.", Severity.Info);
    }
}
