using Wissensassistent.Core.Documents;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>A document in the in-memory index: the law names and access groups a filter may use and its chunks in order.</summary>
internal sealed record IndexedDocument(string Id, string[] LawKeys, IndexedChunk[] Chunks)
{
    /// <summary>Normalized; empty: public.</summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];

    public static string[] LawKeysOf(string law, IEnumerable<string> aliases) =>
        [.. aliases.Prepend(law).Select(LawKey).Where(key => key.Length > 0).Distinct(StringComparer.Ordinal)];

    public static string[] LawKeysOf(SourceDocument document) => LawKeysOf(document.Law, document.Aliases);

    public static string LawKey(string law) => law.Trim().ToLowerInvariant();
}
