namespace Wissensassistent.Ingestion.Outline;

/// <summary>One line of a unit's text: a paragraph, a list item, or a table row.</summary>
/// <param name="ItemNumber">For an outermost numbered list item, its number without the dot (<c>4</c>, <c>1a</c>); else null.</param>
internal sealed record TextBlock(string Text, TextBlockKind Kind, string? ItemNumber = null, int Depth = 0);
