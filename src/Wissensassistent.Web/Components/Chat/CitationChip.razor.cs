using Microsoft.AspNetCore.Components;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>A citation marker as a button showing the citation (<c>§ 35 Abs. 1 BauGB</c>); opens the source panel.</summary>
public sealed partial class CitationChip
{
    [Parameter, EditorRequired]
    public AnswerCitation Citation { get; set; } = default!;

    /// <summary>False while streaming: sources are not yet checked, so no warning is due.</summary>
    [Parameter]
    public bool ShowVerification { get; set; } = true;

    [Parameter]
    public EventCallback<AnswerCitation> OnClick { get; set; }

    private string Label => CitationFormatter.Format(Citation.Chunk.Citation);

    private string CssClass => ShowVerification && !Citation.Verified ? "wa-cite wa-cite-unverified" : "wa-cite";

    private string Title
    {
        get
        {
            var title = $"Quelle [{Citation.Marker}]: {Label}";
            if (!string.IsNullOrWhiteSpace(Citation.Chunk.NormTitle))
            {
                title += $" – {Citation.Chunk.NormTitle}";
            }

            return ShowVerification && !Citation.Verified ? title + " (Zitat nicht belegt)" : title;
        }
    }
}
