using Microsoft.Data.Sqlite;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Which documents hold each law name or alias, read once per state of the file (its change counter) instead of once per
/// norm lookup: a question that names a norm otherwise scanned every document row, thousands at a million chunks.
/// </summary>
internal sealed class DocumentLaws
{
    private readonly Dictionary<string, List<string>> _documents;

    private DocumentLaws(long changes, Dictionary<string, List<string>> documents)
    {
        Changes = changes;
        _documents = documents;
    }

    /// <summary>The change counter of the file state these documents were read from.</summary>
    public long Changes { get; }

    /// <summary>Reads every document's law keys, inside the caller's read transaction.</summary>
    public static DocumentLaws Read(SqliteConnection connection, SqliteTransaction transaction, long changes)
    {
        var documents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var command = StoreCommand.Create(connection, transaction, "SELECT id, law, aliases FROM documents ORDER BY id;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            foreach (var key in IndexedDocument.LawKeysOf(reader.GetString(1), ChunkRows.DeserializeList(reader.GetString(2))))
            {
                if (!documents.TryGetValue(key, out var ids))
                {
                    documents[key] = ids = [];
                }

                ids.Add(id);
            }
        }

        return new DocumentLaws(changes, documents);
    }

    /// <summary>Ids of the documents whose law or alias is <paramref name="law"/> (case-insensitive), ordered by id.</summary>
    public IReadOnlyList<string> Of(string law) =>
        _documents.TryGetValue(IndexedDocument.LawKey(law), out var ids) ? ids : [];
}
