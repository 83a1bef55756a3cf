namespace Wissensassistent.Ingestion.Markdown;

/// <summary>A block of a Markdown body, inline syntax already removed and hard-wrapped lines folded.</summary>
internal abstract record MarkdownElement;

internal sealed record HeadingElement(int Level, string Text) : MarkdownElement;

/// <summary>A paragraph; <paramref name="IsEmphasized"/> when the whole paragraph was bold (a pseudo-heading or a letterhead line).</summary>
internal sealed record ParagraphElement(string Text, bool IsEmphasized = false) : MarkdownElement;

/// <summary>A list item; <paramref name="Marker"/> as written (<c>1.</c>, <c>a)</c>, <c>-</c>), <paramref name="Depth"/> 0 for the outermost list.</summary>
internal sealed record ListItemElement(string Marker, string Text, int Depth) : MarkdownElement;

internal sealed record TableRowElement(IReadOnlyList<string> Cells, bool IsHeader) : MarkdownElement;

/// <summary>Definition-list metadata (<c>Ausfertigungsdatum</c> / <c>:   1960-06-23</c>).</summary>
internal sealed record DefinitionElement(string Key, string Value) : MarkdownElement;

internal sealed record ThematicBreakElement : MarkdownElement;
