using Wissensassistent.Core.Citations;

namespace Wissensassistent.Ingestion.Outline;

/// <summary>What a heading is: its role, and for norms and items the bare designation and the title.</summary>
internal sealed record HeadingInfo(HeadingRole Role, string Text, NormKind Kind = NormKind.Section, string Designation = "", string? Title = null, bool IsRepealed = false);
