using Microsoft.Extensions.Options;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>Creates a parser for one corpus folder: the customary law abbreviations come from its MANIFEST.</summary>
public sealed class CorpusDocumentParserFactory(IOptions<ChunkingOptions> chunking)
{
    public CorpusDocumentParser Create(string corpusRoot) => new(LawCatalog.Load(corpusRoot), chunking.Value);
}
