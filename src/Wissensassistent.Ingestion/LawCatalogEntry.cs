namespace Wissensassistent.Ingestion;

/// <summary>One federal law from <c>bund/MANIFEST.tsv</c>: file slug, abbreviation in the file, the abbreviation people cite, title.</summary>
public sealed record LawCatalogEntry(string Slug, string JurabkInFile, string CitationAbbreviation, string Title);
