using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Core.Storage;

/// <summary>A document with all of its chunks; upserting it replaces whatever the store held for it.</summary>
public sealed record DocumentBatch(SourceDocument Document, IReadOnlyList<Chunk> Chunks);
