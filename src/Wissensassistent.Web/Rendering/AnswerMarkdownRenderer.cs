using System.Globalization;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Wissensassistent.Web.Rendering;

/// <summary>
/// Turns answer Markdown into <see cref="MarkdownNode"/>s: Markdig with raw HTML disabled, every HTML fragment passed
/// through HtmlSanitizer, and citation markers kept as data so that the UI renders them as its own chips.
/// </summary>
public sealed class AnswerMarkdownRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "em", "strong", "del", "s", "code", "pre", "ul", "ol", "li", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "span",
    ];

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public AnswerMarkdownRenderer()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras();
        builder.Extensions.Add(new CitationMarkerExtension());
        _pipeline = builder.Build();
        _sanitizer = CreateSanitizer();
    }

    public IReadOnlyList<MarkdownNode> Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        return document.SelectMany(block => Block(block, tight: false)).ToList();
    }

    /// <summary>The sanitiser as configured for answers; also used for any other HTML shown from text.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private IEnumerable<MarkdownNode> Block(Block block, bool tight)
    {
        if (!ContainsMarker(block))
        {
            yield return new HtmlNode(Sanitize(ToHtml(renderer =>
            {
                renderer.ImplicitParagraph = tight;
                renderer.Render(block);
            })));
            yield break;
        }

        switch (block)
        {
            case ListBlock list:
                var start = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n != 1 ? n : (int?)null;
                yield return new ElementNode(list.IsOrdered ? "ol" : "ul", list.SelectMany(item => Block(item, !list.IsLoose)).ToList(), start);
                break;
            case ListItemBlock item:
                yield return new ElementNode("li", item.SelectMany(child => Block(child, tight)).ToList());
                break;
            case QuoteBlock quote:
                yield return new ElementNode("blockquote", quote.SelectMany(child => Block(child, tight: false)).ToList());
                break;
            case HeadingBlock heading when heading.Inline is not null:
                yield return new ElementNode("h" + Math.Clamp(heading.Level, 1, 6).ToString(CultureInfo.InvariantCulture), Inlines(heading.Inline));
                break;
            case ParagraphBlock paragraph when paragraph.Inline is not null:
                if (tight)
                {
                    foreach (var node in Inlines(paragraph.Inline))
                    {
                        yield return node;
                    }
                }
                else
                {
                    yield return new ElementNode("p", Inlines(paragraph.Inline));
                }

                break;
            default:
                // Tables and other rare containers: rendered whole, markers stay as escaped "[n]".
                yield return new HtmlNode(Sanitize(ToHtml(renderer => renderer.Render(block))));
                break;
        }
    }

    private List<MarkdownNode> Inlines(ContainerInline container)
    {
        var nodes = new List<MarkdownNode>();
        var run = new List<Inline>();

        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var inlines = run.ToList();
            run.Clear();
            var html = Sanitize(ToHtml(renderer =>
            {
                foreach (var inline in inlines)
                {
                    renderer.Write(inline);
                }
            }));
            if (html.Length > 0)
            {
                nodes.Add(new HtmlNode(html));
            }
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case CitationMarkerInline marker:
                    Flush();
                    nodes.AddRange(marker.Markers.Select(m => new MarkerNode(m)));
                    break;
                case ContainerInline child when ContainsMarker(child):
                    Flush();
                    nodes.Add(new ElementNode(TagOf(child), Inlines(child)));
                    break;
                default:
                    run.Add(inline);
                    break;
            }
        }

        Flush();
        return nodes;
    }

    // Links that contain a marker lose their target: the chip is the link.
    private static string TagOf(ContainerInline inline) => inline switch
    {
        EmphasisInline { DelimiterChar: '~' } => "del",
        EmphasisInline { DelimiterCount: >= 2 } => "strong",
        EmphasisInline => "em",
        _ => "span",
    };

    private static bool ContainsMarker(MarkdownObject markdown) => markdown switch
    {
        CitationMarkerInline => true,
        ContainerInline container => container.Any(ContainsMarker),
        LeafBlock leaf => leaf.Inline is { } inline && ContainsMarker(inline),
        ContainerBlock container => container.Any(ContainsMarker),
        _ => false,
    };

    private string ToHtml(Action<HtmlRenderer> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        write(renderer);
        writer.Flush();
        return writer.ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(["href", "title", "start"]);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
