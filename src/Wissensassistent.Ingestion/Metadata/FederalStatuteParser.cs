using System.Text.RegularExpressions;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Federal laws (<c>bund/*.md</c>, converted from gesetze-im-internet): YAML front matter with Title, jurabk and slug,
/// definition-list metadata, footnotes. The citation abbreviation comes from <see cref="LawCatalog"/> because the
/// files carry the official jurabk (<c>BBauG</c> for the BauGB).
/// </summary>
internal sealed partial class FederalStatuteParser(LawCatalog catalog) : IDocumentFamilyParser
{
    public DocumentStructure Parse(DocumentSource source, List<string> warnings)
    {
        var read = ReadDocument.From(source, warnings, fm => fm.Get("Title"));
        var frontMatter = read.FrontMatter;
        var slug = frontMatter.Get("slug") ?? frontMatter.Get("origslug") ?? source.FileStem;
        var jurabk = frontMatter.Get("jurabk");
        catalog.TryGet(slug, out var entry);
        jurabk ??= entry?.JurabkInFile;

        var title = TitleFromHeading(read.Outline.TitleHeading, jurabk) ?? frontMatter.Get("Title") ?? entry?.Title ?? source.FileStem;
        var law = entry?.CitationAbbreviation ?? YearSuffix().Replace(jurabk ?? string.Empty, string.Empty).Trim();
        if (law.Length == 0)
        {
            law = title;
        }

        if (entry is null)
        {
            warnings.Add($"'{slug}' steht nicht in {LawCatalog.ManifestRelativePath}; zitiert wird mit '{law}'.");
        }

        var aliases = new[] { jurabk, jurabk is null ? null : YearSuffix().Replace(jurabk, string.Empty).Trim(), title, entry?.Title, frontMatter.Get("Title") }
            .Where(a => !string.IsNullOrWhiteSpace(a) && !a.Equals(law, StringComparison.OrdinalIgnoreCase))
            .Select(a => a!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var stand = read.Field("Zuletzt geändert durch") ?? read.Field("Neugefasst durch") ?? read.Field("Neugefasst") ?? read.Field("Ausfertigungsdatum");
        var type = DocumentTypeClassifier.Classify(title, [], source.FileStem);
        if (type is not DocumentType.Verordnung)
        {
            type = DocumentType.Gesetz;
        }

        var description = new DocumentDescription(
            law, title, aliases, Level.Bund, type, stand, GermanDates.Find(read.Field("Ausfertigungsdatum")), null, "Bund");
        return new DocumentStructure(description, read.Outline.Units);
    }

    /// <summary>"Baugesetzbuch (BBauG)" → "Baugesetzbuch"; the heading has the full title where the front matter cuts it.</summary>
    private static string? TitleFromHeading(string? heading, string? jurabk)
    {
        if (heading is null)
        {
            return null;
        }

        var match = TrailingAbbreviation().Match(heading);
        var title = match.Success && (jurabk is null || match.Groups[2].Value.Trim() == jurabk) ? match.Groups[1].Value : heading;
        return title.Trim().TrimEnd('-', '–').Trim();
    }

    [GeneratedRegex(@"^(.*)\(([^()]+)\)\s*$")]
    private static partial Regex TrailingAbbreviation();

    [GeneratedRegex(@"\s+\d{4}$")]
    private static partial Regex YearSuffix();
}
