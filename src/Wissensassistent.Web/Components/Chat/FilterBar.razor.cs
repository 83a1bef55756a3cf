using Microsoft.AspNetCore.Components;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>Restricts the search by level, law or document, and document type.</summary>
public sealed partial class FilterBar
{
    [Parameter, EditorRequired]
    public ChatFilter Filter { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<LawInfo> Laws { get; set; } = [];

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private static string LawsText(IReadOnlyList<string> laws) => string.Join(", ", laws);

    private async Task OnLevelsChangedAsync(IReadOnlyCollection<Level>? levels)
    {
        Filter.Levels = levels?.ToList() ?? [];
        await OnChanged.InvokeAsync();
    }

    private async Task OnTypesChangedAsync(IReadOnlyCollection<DocumentType>? types)
    {
        Filter.Types = types?.ToList() ?? [];
        await OnChanged.InvokeAsync();
    }

    private async Task OnLawsChangedAsync(IEnumerable<string?>? laws)
    {
        Filter.Laws = laws?.OfType<string>().ToList() ?? [];
        await OnChanged.InvokeAsync();
    }

    private async Task ClearAsync()
    {
        Filter.Clear();
        await OnChanged.InvokeAsync();
    }
}
