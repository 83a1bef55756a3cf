namespace Wissensassistent.Ingestion.Formats;

/// <summary>A DOCX or PDF turned into Markdown, with the title the file itself states, if any.</summary>
internal sealed record ConvertedDocument(string Markdown, string? Title);
