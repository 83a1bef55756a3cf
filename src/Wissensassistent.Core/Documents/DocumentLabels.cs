namespace Wissensassistent.Core.Documents;

/// <summary>German display names for levels and document types, as staff read them.</summary>
public static class DocumentLabels
{
    public static string Of(Level level) => level switch
    {
        Level.Bund => "Bund",
        Level.Land => "Land",
        Level.Kommune => "Kommune",
        Level.Intern => "Intern",
        _ => level.ToString(),
    };

    public static string Of(DocumentType type) => type switch
    {
        DocumentType.Gesetz => "Gesetz",
        DocumentType.Verordnung => "Verordnung",
        DocumentType.Satzung => "Satzung",
        DocumentType.Richtlinie => "Richtlinie",
        DocumentType.Dienstanweisung => "Dienstanweisung",
        DocumentType.Verwaltungsvorschrift => "Verwaltungsvorschrift",
        DocumentType.Geschaeftsordnung => "Geschäftsordnung",
        DocumentType.Benutzungsordnung => "Benutzungsordnung",
        DocumentType.Sonstiges => "Sonstiges",
        _ => type.ToString(),
    };
}
