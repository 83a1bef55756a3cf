using Markdig.Syntax.Inlines;

namespace Wissensassistent.Web.Rendering;

/// <summary>A citation marker in answer text: <c>[1]</c>, or several at once: <c>[1, 2]</c>.</summary>
public sealed class CitationMarkerInline : LeafInline
{
    public required IReadOnlyList<int> Markers { get; init; }
}
