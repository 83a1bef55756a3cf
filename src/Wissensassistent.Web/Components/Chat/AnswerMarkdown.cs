using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Wissensassistent.Core.Answering;
using Wissensassistent.Web.Rendering;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>
/// Shows verified answer text: sanitised Markdown fragments, and each marker <c>[n]</c> as a <see cref="CitationChip"/>
/// built here, never as markup from the text.
/// </summary>
public sealed class AnswerMarkdown : ComponentBase
{
    private IReadOnlyList<MarkdownNode> _nodes = [];
    private string? _renderedText;

    [Inject]
    private AnswerMarkdownRenderer Renderer { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    [Parameter]
    public IReadOnlyList<AnswerCitation> Citations { get; set; } = [];

    [Parameter]
    public EventCallback<AnswerCitation> OnCitationClick { get; set; }

    protected override void OnParametersSet()
    {
        if (!string.Equals(Text, _renderedText, StringComparison.Ordinal))
        {
            _nodes = Renderer.Render(Text);
            _renderedText = Text;
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "wa-answer-text");
        Nodes(builder, _nodes);
        builder.CloseElement();
    }

    private void Nodes(RenderTreeBuilder builder, IReadOnlyList<MarkdownNode> nodes)
    {
        foreach (var node in nodes)
        {
            builder.OpenRegion(10);
            switch (node)
            {
                case HtmlNode html:
                    builder.AddMarkupContent(0, html.Html);
                    break;
                case MarkerNode marker:
                    Marker(builder, marker.Marker);
                    break;
                case ElementNode element:
                    builder.OpenElement(1, element.Tag);
                    if (element.Start is { } start)
                    {
                        builder.AddAttribute(2, "start", start);
                    }

                    Nodes(builder, element.Children);
                    builder.CloseElement();
                    break;
            }

            builder.CloseRegion();
        }
    }

    private void Marker(RenderTreeBuilder builder, int marker)
    {
        var citation = Citations.FirstOrDefault(c => c.Marker == marker);
        if (citation is null)
        {
            builder.OpenElement(3, "span");
            builder.AddAttribute(4, "class", "wa-cite-missing");
            builder.AddAttribute(5, "title", "Zu diesem Verweis gibt es keine Quelle.");
            builder.AddContent(6, $"[{marker}]");
            builder.CloseElement();
            return;
        }

        builder.OpenComponent<CitationChip>(7);
        builder.AddComponentParameter(8, nameof(CitationChip.Citation), citation);
        builder.AddComponentParameter(9, nameof(CitationChip.OnClick), OnCitationClick);
        builder.CloseComponent();
    }
}
