using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion;

/// <summary>The document and its chunks, plus German warnings about things that were read with a guess.</summary>
public sealed record ParsedDocument(DocumentBatch Batch, IReadOnlyList<string> Warnings);
