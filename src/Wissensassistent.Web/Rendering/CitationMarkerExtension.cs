using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Wissensassistent.Web.Rendering;

public sealed class CitationMarkerExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<CitationMarkerParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationMarkerParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationMarkerHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new CitationMarkerHtmlRenderer());
        }
    }
}
