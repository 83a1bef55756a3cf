using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Storage;

/// <summary>The norm a chunk belongs to and the content hash of its text.</summary>
public sealed record NormChunkHash(Citation Norm, string ContentHash);
