namespace Wissensassistent.Ingestion.Decoding;

/// <summary>Text of a file with line endings normalised to <c>\n</c>, and what was guessed on the way.</summary>
internal sealed record DecodedText(string Text, IReadOnlyList<string> Warnings);
