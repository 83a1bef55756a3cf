using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Decides the document type from the head noun of the title ("Hundesteuersatzung", "Benutzungsordnung für …"),
/// then from words anywhere in the title, the file name and the tags.
/// </summary>
internal static class DocumentTypeClassifier
{
    private static readonly (string Stem, DocumentType Type)[] Stems =
    [
        ("dienstanweisung", DocumentType.Dienstanweisung),
        ("verwaltungsvorschrift", DocumentType.Verwaltungsvorschrift),
        ("geschäftsordnung", DocumentType.Geschaeftsordnung),
        ("geschaeftsordnung", DocumentType.Geschaeftsordnung),
        ("geschaftsordnung", DocumentType.Geschaeftsordnung),
        ("benutzungsordnung", DocumentType.Benutzungsordnung),
        ("richtlinie", DocumentType.Richtlinie),
        ("leitlinie", DocumentType.Richtlinie),
        ("satzung", DocumentType.Satzung),
        ("verordnung", DocumentType.Verordnung),
        ("gesetz", DocumentType.Gesetz),
    ];

    public static DocumentType Classify(string? title, IReadOnlyList<string> tags, string fileName)
    {
        var words = (title ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => w.Length == 0 || char.IsDigit(w[0]))
            .ToList();
        if (words.Count > 0 && Match(words[0]) is { } head)
        {
            return head;
        }

        if (Match(title) is { } inTitle)
        {
            return inTitle;
        }

        // Municipal files are tagged quelle-verordnung even when they are Satzungen; the file name is more reliable.
        if (Match(fileName) is { } inFileName)
        {
            return inFileName;
        }

        if (tags.Any(t => t.Equals("quelle-satzung", StringComparison.OrdinalIgnoreCase)))
        {
            return DocumentType.Satzung;
        }

        if (tags.Any(t => t.Equals("quelle-verordnung", StringComparison.OrdinalIgnoreCase)))
        {
            return DocumentType.Verordnung;
        }

        if (tags.Any(t => t.Equals("quelle-gesetz", StringComparison.OrdinalIgnoreCase)))
        {
            return DocumentType.Gesetz;
        }

        return DocumentType.Sonstiges;
    }

    private static DocumentType? Match(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        foreach (var (stem, type) in Stems)
        {
            if (lower.Contains(stem, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }
}
