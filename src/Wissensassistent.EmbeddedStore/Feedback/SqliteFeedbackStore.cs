using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore.Feedback;

/// <summary>Feedback in <c>feedback.db</c> of the data folder: its own file, which no reindex touches.</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    /// <summary>More passages than an answer ever cites would mean the caller sends something it should not.</summary>
    public const int MaxChunkIds = 50;

    public const int MaxCitationLength = 300;

    private readonly SqliteSideFile _file;

    public SqliteFeedbackStore(IOptions<DataFolder> data, LegacyLayoutMigration migration)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(migration);
        migration.EnsureMigrated();
        _file = new SqliteSideFile(data.Value.FeedbackDatabase, FeedbackSchema.Create());
    }

    public async Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ChunkIds.Count > MaxChunkIds)
        {
            throw new ArgumentException($"Höchstens {MaxChunkIds} Fundstellen je Rückmeldung.", nameof(entry));
        }

        if (entry.Citation is { Length: > MaxCitationLength })
        {
            throw new ArgumentException($"Die Fundstelle ist länger als {MaxCitationLength} Zeichen.", nameof(entry));
        }

        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ui_feedback (id, kind, created_at, mode, chunk_ids, citation)
            VALUES ($id, $kind, $created_at, $mode, $chunk_ids, $citation)
            ON CONFLICT (id) DO UPDATE SET
                kind = excluded.kind, created_at = excluded.created_at, mode = excluded.mode,
                chunk_ids = excluded.chunk_ids, citation = excluded.citation
            """;
        command.Parameters.AddWithValue("$id", entry.Id.ToString("D"));
        command.Parameters.AddWithValue("$kind", entry.Kind.ToString());
        command.Parameters.AddWithValue("$created_at", entry.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$mode", entry.Mode.ToString());
        command.Parameters.AddWithValue("$chunk_ids", JsonSerializer.Serialize(entry.ChunkIds));
        command.Parameters.AddWithValue("$citation", (object?)entry.Citation ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ui_feedback WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, created_at, mode, chunk_ids, citation FROM ui_feedback ORDER BY created_at DESC, id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<FeedbackEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new FeedbackEntry(
                Guid.Parse(reader.GetString(0)),
                Enum.Parse<FeedbackKind>(reader.GetString(1)),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Enum.Parse<AnswerMode>(reader.GetString(3)),
                JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? [],
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

    public void Dispose() => _file.Dispose();
}
