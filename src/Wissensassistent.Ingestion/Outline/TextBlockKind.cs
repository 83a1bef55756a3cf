namespace Wissensassistent.Ingestion.Outline;

internal enum TextBlockKind
{
    Paragraph,
    ListItem,
    TableHeader,
    TableRow,
}
