using System.Text.RegularExpressions;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Municipal bylaws, ordinances and guidelines (<c>kommune/&lt;issuer&gt;/*.md</c>). Front matter is optional (the
/// Landkreis files have none: the title is the first heading). The issuer follows from the folder; the citable
/// name from <see cref="MunicipalLawNaming"/>.
/// </summary>
internal sealed partial class MunicipalLawParser : IDocumentFamilyParser
{
    private static readonly Dictionary<string, (string Issuer, string Place)> Issuers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GEM-BBO"] = ("Gemeinde Bad Boll", "Bad Boll"),
        ["LKR-GP"] = ("Landkreis Göppingen", "LK Göppingen"),
        ["GVV_Raum_Bad_Boll"] = ("Gemeindeverwaltungsverband Raum Bad Boll", "GVV Raum Bad Boll"),
    };

    public DocumentStructure Parse(DocumentSource source, List<string> warnings)
    {
        var read = ReadDocument.From(source, warnings, fm => fm.Get("titel"));
        var frontMatter = read.FrontMatter;
        var title = frontMatter.Get("titel") ?? read.Outline.TitleHeading ?? source.TitleHint ?? source.FileStem.Replace('_', ' ');

        var folder = source.SubFolder;
        var (issuer, place) = folder is not null && Issuers.TryGetValue(folder, out var known)
            ? known
            : (frontMatter.Get("gueltigkeit") ?? folder ?? "Kommune", folder?.Replace('_', ' ') ?? string.Empty);
        if (folder is null || !Issuers.ContainsKey(folder))
        {
            // The operator moves the file into the right folder by this: name the folders that are known.
            var knownFolders = string.Join(", ", Issuers.Keys.Select(k => $"„{k}“"));
            warnings.Add(folder is null
                ? $"Die Datei liegt in keinem Herausgeber-Ordner unter „kommune/“ (bekannt: {knownFolders}); Herausgeber „{issuer}“ angenommen."
                : $"Unbekannter Herausgeber-Ordner „{folder}“ (bekannt: {knownFolders}); Herausgeber „{issuer}“ angenommen.");
        }

        var law = MunicipalLawNaming.Name(source.FileStem, title, place).Trim();
        var aliases = Bracketed().Matches(title).Select(m => m.Groups[1].Value.Trim())
            .SelectMany(inner => inner.Split([" – ", " - "], StringSplitOptions.TrimEntries))
            .Where(a => a.Length >= 3 && !a.Equals("aufgehoben", StringComparison.OrdinalIgnoreCase))
            .Prepend(title)
            .Where(a => !a.Equals(law, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var stand = read.Field("Stand")
            ?? read.Outline.PreambleNotes.FirstOrDefault(GermanDates.IsMonthYear)
            ?? frontMatter.Get("gepflegt")
            ?? frontMatter.Get("veroeffentlicht")
            ?? read.Outline.PreambleNotes.FirstOrDefault(n => n.StartsWith("vom", StringComparison.OrdinalIgnoreCase) || n.StartsWith("mit Änderung", StringComparison.OrdinalIgnoreCase))
            ?? VersionInTitle(title);
        var validFrom = GermanDates.Find(frontMatter.Get("veroeffentlicht"))
            ?? read.Outline.PreambleNotes.Where(n => n.StartsWith("vom", StringComparison.OrdinalIgnoreCase)).Select(GermanDates.Find).FirstOrDefault(d => d is not null);
        var validUntil = RepealedTitle().IsMatch(title) ? RepealedOn(read) : null;
        var type = DocumentTypeClassifier.Classify(title, frontMatter.GetList("tags"), source.FileStem);

        var description = new DocumentDescription(law, title, aliases, Level.Kommune, type, stand, validFrom, validUntil, issuer);
        return new DocumentStructure(description, read.Outline.Units);
    }

    /// <summary>"… mit Wirkung vom 01.04.2009 aufgehoben": in force until the day before.</summary>
    private static DateOnly? RepealedOn(ReadDocument read)
    {
        foreach (var block in read.Outline.Units.SelectMany(u => u.Blocks))
        {
            var match = RepealedWithEffect().Match(block.Text);
            if (match.Success && GermanDates.Find(match.Groups[1].Value) is { } date)
            {
                return date.AddDays(-1);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\(([^()]+)\)")]
    private static partial Regex Bracketed();

    /// <summary>"… (Gebührenverordnung) vom 1. März 2025": the version the title names, as a last resort for the Stand.</summary>
    private static string? VersionInTitle(string title)
    {
        var match = TitleVersion().Match(title);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"vom \d{1,2}\.\s?(\d{1,2}\.\s?\d{4}|\w+ \d{4})$")]
    private static partial Regex TitleVersion();

    [GeneratedRegex(@"\(aufgehoben\)", RegexOptions.IgnoreCase)]
    private static partial Regex RepealedTitle();

    [GeneratedRegex(@"mit Wirkung vom\s+([\d.]+\s*\d{2,4}|\d{1,2}\.\s*\w+\s+\d{4})\s+aufgehoben", RegexOptions.IgnoreCase)]
    private static partial Regex RepealedWithEffect();
}
