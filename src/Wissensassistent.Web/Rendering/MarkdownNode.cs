namespace Wissensassistent.Web.Rendering;

/// <summary>
/// Answer text prepared for display: sanitised HTML fragments, citation markers (rendered as chips by the UI) and
/// the few elements that hold markers. Tags come from the renderer, never from the text.
/// </summary>
public abstract record MarkdownNode;

/// <summary>HTML from Markdig (raw HTML disabled) after HtmlSanitizer.</summary>
public sealed record HtmlNode(string Html) : MarkdownNode;

public sealed record MarkerNode(int Marker) : MarkdownNode;

/// <param name="Tag">One of a fixed set (<c>p</c>, <c>ul</c>, <c>ol</c>, <c>li</c>, <c>blockquote</c>, <c>h1</c>–<c>h6</c>, <c>em</c>, <c>strong</c>, <c>del</c>, <c>span</c>).</param>
/// <param name="Start">The start number of an ordered list, when not 1.</param>
public sealed record ElementNode(string Tag, IReadOnlyList<MarkdownNode> Children, int? Start = null) : MarkdownNode;
