using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Wissensassistent.Web.Components.History;

public sealed partial class HistoryPage
{
    private List<ConversationSummary>? _conversations;

    [Inject]
    private IConversationHistory History { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The chat page reopens a conversation from this address.</summary>
    public static string OpenHref(ConversationSummary conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return $"/?c={conversation.Id:N}";
    }

    protected override async Task OnInitializedAsync() =>
        _conversations = (await History.ListAsync()).ToList();

    private static string TurnsText(int turns) => turns == 1 ? "1 Frage" : $"{turns} Fragen";

    private async Task DeleteAsync(ConversationSummary conversation)
    {
        await History.DeleteAsync(conversation.Id);
        _conversations?.Remove(conversation);
        Snackbar.Add($"„{conversation.Title}“ wurde gelöscht.", Severity.Info);
    }
}
