namespace Wissensassistent.Ingestion.Chunking;

/// <summary>One part of a unit after the token budget: its text, position, and the item it covers alone, if any.</summary>
internal sealed record ChunkPart(string Text, int Part, string? Nummer);
