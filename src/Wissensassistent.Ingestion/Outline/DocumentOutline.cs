namespace Wissensassistent.Ingestion.Outline;

/// <summary>The structure of one document body, plus the metadata lines found in its preamble.</summary>
/// <param name="TitleHeading">The first heading that names the document (not a letterhead), if any.</param>
/// <param name="Fields">Metadata lines by key (<c>Amtliche Abkürzung</c>, <c>Stand</c>, <c>Ausfertigungsdatum</c>…); first occurrence wins.</param>
/// <param name="PreambleNotes">Short emphasised lines before the first norm (<c>Dezember 2020</c>, <c>vom 30. Juni 1989</c>).</param>
/// <param name="EmptyNormHeadings">Headings of norms (not repealed) that had no text and therefore became no unit.</param>
internal sealed record DocumentOutline(
    string? TitleHeading,
    IReadOnlyList<TextUnit> Units,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> PreambleNotes,
    IReadOnlyList<string> EmptyNormHeadings);
