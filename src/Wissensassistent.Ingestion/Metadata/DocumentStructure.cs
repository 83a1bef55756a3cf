using Wissensassistent.Ingestion.Outline;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>The result of a family parser: what the document is, and its citable units.</summary>
internal sealed record DocumentStructure(DocumentDescription Description, IReadOnlyList<TextUnit> Units);
