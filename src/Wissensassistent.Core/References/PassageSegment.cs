namespace Wissensassistent.Core.References;

/// <summary>A run of a passage: highlighted or not, and part of a reference or not. The runs concatenate to the passage.</summary>
public sealed record PassageSegment(string Text, bool IsHighlighted, CrossReference? Reference);
