namespace Wissensassistent.Core.Documents;

public enum DocumentType
{
    Gesetz,
    Verordnung,
    Satzung,
    Richtlinie,
    Dienstanweisung,
    Verwaltungsvorschrift,
    Geschaeftsordnung,
    Benutzungsordnung,
    Sonstiges,
}
