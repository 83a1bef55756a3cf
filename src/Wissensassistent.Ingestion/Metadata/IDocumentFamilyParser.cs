namespace Wissensassistent.Ingestion.Metadata;

/// <summary>Reads one family of documents (federal, state, municipal, internal) with that family's metadata conventions.</summary>
internal interface IDocumentFamilyParser
{
    DocumentStructure Parse(DocumentSource source, List<string> warnings);
}
