using Wissensassistent.Core.Documents;

namespace Wissensassistent.Qdrant;

/// <summary>A document as the documents collection holds it, with the counts that statistics and law lists need.</summary>
internal sealed record StoredDocument(SourceDocument Document, int ChunkCount, int NormCount);
