namespace Wissensassistent.Core.Text;

/// <summary>A run of text that is either highlighted or not; the runs of a passage concatenate to the passage.</summary>
public sealed record TextSegment(string Text, bool IsHighlighted);
