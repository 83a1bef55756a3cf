using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Wissensassistent.Web.Rendering;

/// <summary>Where a marker cannot become a chip (inside a table), it stays visible as escaped text.</summary>
public sealed class CitationMarkerHtmlRenderer : HtmlObjectRenderer<CitationMarkerInline>
{
    protected override void Write(HtmlRenderer renderer, CitationMarkerInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.WriteEscape("[" + string.Join(", ", obj.Markers) + "]");
    }
}
