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
    /// <summary>The columns <see cref="Read"/> expects, in order, for a table aliased <c>c</c>.</summary>
    public const string Columns =
        "c.id, c.document_id, c.ordinal, c.part, c.law, c.kind, c.section, c.absatz, c.satz, c.nummer, c.buchstabe, " +
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

    public static Chunk Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        DocumentId = reader.GetString(1),
        Ordinal = reader.GetInt32(2),
        Part = reader.GetInt32(3),
        Citation = new Citation(
            reader.GetString(4),
            Enum.Parse<NormKind>(reader.GetString(5)),
            reader.GetString(6),
            NullableString(reader, 7),
            reader.IsDBNull(8) ? null : reader.GetInt32(8),
            NullableString(reader, 9),
            NullableString(reader, 10)),
        HeadingPath = DeserializeList(reader.GetString(11)),
        NormTitle = NullableString(reader, 12),
        Text = reader.GetString(13),
        IsRepealed = reader.GetInt64(14) != 0,
        LawTitle = reader.GetString(15),
        Level = Enum.Parse<Level>(reader.GetString(16)),
        DocumentType = Enum.Parse<DocumentType>(reader.GetString(17)),
        Stand = NullableString(reader, 18),
        ValidFrom = NullableDate(reader, 19),
        ValidUntil = NullableDate(reader, 20),
        ContentHash = reader.GetString(21),
        AccessGroups = DeserializeList(reader.GetString(22)),
    };

    /// <summary>An insert for chunks, parameters in the order <see cref="BindChunk"/> fills them.</summary>
    public static SqliteCommand CreateChunkInsert(SqliteConnection connection, SqliteTransaction transaction) =>
        CreateInsert(connection, transaction, "INSERT INTO chunks", ChunkColumns);

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
            chunk.Text,
            chunk.IsRepealed ? 1 : 0,
            chunk.LawTitle,
            chunk.Level.ToString(),
            chunk.DocumentType.ToString(),
            chunk.Stand,
            FormatDate(chunk.ValidFrom),
            FormatDate(chunk.ValidUntil),
            chunk.ContentHash,
            terms,
            SerializeList(accessGroups));
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
