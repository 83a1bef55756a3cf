using System.Security.Cryptography;
using System.Text;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Chunks;

/// <summary>Deterministic chunk ids and content hashes.</summary>
public static class ChunkId
{
    /// <summary>
    /// The id is a UUID-formatted hash of source, citation and ordinal, so that Qdrant can use it as a point id
    /// and an unchanged passage keeps its id across ingestions.
    /// </summary>
    public static string For(string documentId, Citation citation, int ordinal)
    {
        var key = $"{documentId}\n{CitationFormatter.Format(citation)}\n{ordinal}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
