using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>Maps chunks and documents to rows and back.</summary>
internal static class ChunkRows
{
    /// <summary>The chunks with their records, for <see cref="Columns"/>.</summary>
    public const string Source = "chunks c LEFT JOIN chunk_records cr ON cr.chunk_id = c.id";

    /// <summary>Removes the chunks of document <c>$id</c> with their records.</summary>
    public const string DeleteOfDocument =
        "DELETE FROM chunk_records WHERE chunk_id IN (SELECT id FROM chunks WHERE document_id = $id); DELETE FROM chunks WHERE document_id = $id; ";

    /// <summary>The columns <see cref="Read"/> expects, in order, for a table aliased <c>c</c>.</summary>
    public const string Columns =
        "cr.record, c.id, c.document_id, c.ordinal, c.part, c.law, c.kind, c.section, c.absatz, c.satz, c.nummer, c.buchstabe, " +
        "c.heading_path, c.norm_title, c.text, c.is_repealed, c.law_title, c.level, c.type, c.stand, c.valid_from, " +
        "c.valid_until, c.content_hash, c.access_groups";

    private static readonly string[] ChunkColumns =
    [
        "id", "document_id", "ordinal", "part", "law", "kind", "section", "section_key", "norm_key", "absatz", "satz",
        "nummer", "buchstabe", "heading_path", "norm_title", "text", "is_repealed", "law_title", "level", "type", "stand",
        "valid_from", "valid_until", "content_hash", "terms", "access_groups",
    ];

    private static readonly string[] DocumentColumns =
        ["id", "law", "title", "aliases", "level", "type", "stand", "valid_from", "valid_until", "issuer", "content_hash", "access_groups"];

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>How many columns <see cref="Columns"/> names.</summary>
    public const int ColumnCount = 24;

    /// <summary>A chunk from its record; from its columns (without references) where a row predates records.</summary>
    /// <param name="lists">Shares the lists of legacy rows read together (heading paths repeat within a norm).</param>
    public static Chunk Read(SqliteDataReader reader, ListCache? lists = null) =>
        reader.IsDBNull(0) ? ReadColumns(reader, lists) : ReadRecord(reader, 0);

    /// <summary>Whether the row predates records, so that its references are still to be read from their table.</summary>
    public static bool IsLegacy(SqliteDataReader reader) => reader.IsDBNull(0);

    public static Chunk ReadRecord(SqliteDataReader reader, int ordinal)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            reader.GetBytes(ordinal, 0, buffer, 0, length);
            return ChunkRecord.Decode(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Chunk ReadColumns(SqliteDataReader reader, ListCache? lists) => new()
    {
        Id = reader.GetString(1),
        DocumentId = reader.GetString(2),
        Ordinal = reader.GetInt32(3),
        Part = reader.GetInt32(4),
        Citation = new Citation(
            reader.GetString(5),
            StoredEnum<NormKind>.Parse(reader.GetString(6)),
            reader.GetString(7),
            NullableString(reader, 8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            NullableString(reader, 10),
            NullableString(reader, 11)),
        HeadingPath = lists?.Get(reader.GetString(12)) ?? DeserializeList(reader.GetString(12)),
        NormTitle = NullableString(reader, 13),
        Text = reader.GetString(14),
        IsRepealed = reader.GetInt64(15) != 0,
        LawTitle = reader.GetString(16),
        Level = StoredEnum<Level>.Parse(reader.GetString(17)),
        DocumentType = StoredEnum<DocumentType>.Parse(reader.GetString(18)),
        Stand = NullableString(reader, 19),
        ValidFrom = NullableDate(reader, 20),
        ValidUntil = NullableDate(reader, 21),
        ContentHash = reader.GetString(22),
        AccessGroups = lists?.Get(reader.GetString(23)) ?? DeserializeList(reader.GetString(23)),
    };

    /// <summary>An insert for chunks and their records, parameters in the order <see cref="BindChunk"/> fills them.</summary>
    public static SqliteCommand CreateChunkInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = CreateInsert(connection, transaction, "INSERT INTO chunks", ChunkColumns);
        command.CommandText += " INSERT INTO chunk_records (chunk_id, record) VALUES ($id, $record);";
        command.Parameters.Add(new SqliteParameter("$record", null));
        return command;
    }

    public static SqliteCommand CreateDocumentUpsert(SqliteConnection connection, SqliteTransaction transaction) =>
        CreateInsert(connection, transaction, "INSERT OR REPLACE INTO documents", DocumentColumns);

    /// <param name="accessGroups">The document's, normalized: a chunk is always as visible as its document.</param>
    public static void BindChunk(SqliteCommand command, Chunk chunk, byte[] terms, IReadOnlyList<string> accessGroups)
    {
        var citation = chunk.Citation;
        Bind(
            command,
            chunk.Id,
            chunk.DocumentId,
            chunk.Ordinal,
            chunk.Part,
            citation.Law,
            citation.Kind.ToString(),
            citation.Section,
            SectionKey(citation.Section),
            citation.NormKey,
            citation.Absatz,
            citation.Satz,
            citation.Nummer,
            citation.Buchstabe,
            SerializeList(chunk.HeadingPath),
            chunk.NormTitle,

            // The text lives in the record; the column stays for rows written before records.
            string.Empty,
            chunk.IsRepealed ? 1 : 0,
            chunk.LawTitle,
            chunk.Level.ToString(),
            chunk.DocumentType.ToString(),
            chunk.Stand,
            FormatDate(chunk.ValidFrom),
            FormatDate(chunk.ValidUntil),
            chunk.ContentHash,
            terms,
            SerializeList(accessGroups),
            ChunkRecord.Encode(chunk, accessGroups));
    }

    public static void BindDocument(SqliteCommand command, SourceDocument document) =>
        Bind(
            command,
            document.Id,
            document.Law,
            document.Title,
            SerializeList(document.Aliases),
            document.Level.ToString(),
            document.Type.ToString(),
            document.Stand,
            FormatDate(document.ValidFrom),
            FormatDate(document.ValidUntil),
            document.Issuer,
            document.ContentHash,
            SerializeList(DocumentAccess.NormalizeGroups(document.AccessGroups)));

    /// <summary>Sections compare case-insensitively (<c>573B</c> finds <c>573b</c>).</summary>
    public static string SectionKey(string section) => section.Trim().ToLowerInvariant();

    public static string SerializeList(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize([.. values], StoreJsonContext.Default.StringArray);

    public static string[] DeserializeList(string json) =>
        JsonSerializer.Deserialize(json, StoreJsonContext.Default.StringArray) ?? [];

    public static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateOnly? NullableDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    private static string? FormatDate(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Deserialised JSON lists by their text, for the rows of one reader. Bounded: it only saves work where rows repeat.
    /// The lists are shared between chunks, which expose them read-only.
    /// </summary>
    public sealed class ListCache
    {
        private const int Capacity = 4_096;
        private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

        public string[] Get(string json)
        {
            if (json == "[]")
            {
                return [];
            }

            if (_lists.TryGetValue(json, out var list))
            {
                return list;
            }

            if (_lists.Count >= Capacity)
            {
                _lists.Clear();
            }

            return _lists[json] = DeserializeList(json);
        }
    }

    private static SqliteCommand CreateInsert(SqliteConnection connection, SqliteTransaction transaction, string insert, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{insert} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "$" + column))});";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
