using System.Globalization;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Baden-Württemberg law (<c>land-bw/*.md</c>): German front matter (<c>titel</c>, <c>quelle</c>, <c>tags</c>…) and
/// "Amtliche Abkürzung"/"Stand" lines. A law split over several files (GemO TEIL 1–5) yields the same law and title
/// from every file: both come from the part of <c>titel</c> before the first "/".
/// </summary>
internal sealed partial class StateLawParser : IDocumentFamilyParser
{
    public DocumentStructure Parse(DocumentSource source, List<string> warnings)
    {
        var read = ReadDocument.From(source, warnings, fm => fm.Get("titel"));
        var frontMatter = read.FrontMatter;
        var fullTitle = frontMatter.Get("titel") ?? read.Outline.TitleHeading ?? source.FileStem;
        var head = fullTitle.Split('/')[0].Trim();

        string title;
        string? abbreviation = null;
        string? longName = null;
        var bracket = TrailingBracket().Match(head);
        if (bracket.Success)
        {
            title = bracket.Groups["name"].Value.Trim();
            var inner = bracket.Groups["inner"].Value.Trim();
            var dash = inner.LastIndexOf(" - ", StringComparison.Ordinal);
            abbreviation = dash >= 0 ? inner[(dash + 3)..].Trim() : inner;
            longName = dash >= 0 ? inner[..dash].Trim() : null;
        }
        else
        {
            title = head;
        }

        var official = read.Field("Amtliche Abkürzung");
        abbreviation ??= official;
        var law = abbreviation ?? title;
        var aliases = new[] { title, longName, official, head }
            .Where(a => !string.IsNullOrWhiteSpace(a) && !a.Equals(law, StringComparison.OrdinalIgnoreCase))
            .Select(a => a!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var stand = StandPrefix().Replace(read.Field("Stand") ?? string.Empty, string.Empty).Trim();
        if (stand.Length == 0)
        {
            // "zuletzt geändert" without a date is no Stand a legal officer can check; the text's maintenance date is.
            var amended = Amended().Match(frontMatter.Get("quelle") ?? string.Empty);
            stand = amended.Success && GermanDates.Find(amended.Value) is not null ? amended.Value.Trim()
                : GermanDates.Find(frontMatter.Get("gepflegt")) is { } maintained ? maintained.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                : frontMatter.Get("gepflegt") ?? string.Empty;
        }

        var type = DocumentTypeClassifier.Classify(title, frontMatter.GetList("tags"), source.FileStem);
        if (type is not (DocumentType.Verordnung or DocumentType.Verwaltungsvorschrift))
        {
            type = DocumentType.Gesetz;
        }

        var validFrom = GermanDates.Find(read.Field("Gültig ab")) ?? GermanDates.Find(read.Field("Ausfertigungsdatum"))
            ?? GermanDates.Find(frontMatter.Get("veroeffentlicht"));
        var issuer = frontMatter.Get("gueltigkeit") is { } validity && !validity.StartsWith("Land", StringComparison.OrdinalIgnoreCase)
            ? $"Land {validity}"
            : frontMatter.Get("gueltigkeit") ?? "Land Baden-Württemberg";
        var description = new DocumentDescription(law, title, aliases, Level.Land, type, stand.Length == 0 ? null : stand, validFrom, null, issuer);
        return new DocumentStructure(description, read.Outline.Units);
    }

    [GeneratedRegex(@"^(?<name>.*?)\s*\((?<inner>[^()]+)\)\s*$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"^letzte berücksichtigte Änderung:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StandPrefix();

    [GeneratedRegex(@"zuletzt geändert.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Amended();
}
