using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore.Audit;

/// <summary>
/// The audit trail in <c>audit.db</c> of the data folder, its own file, which no reindex touches. Append-only in the
/// file itself: triggers refuse every UPDATE, and every DELETE except of question entries (their retention), so that
/// no code path of the application, present or future, can rewrite what happened.
/// </summary>
public sealed class SqliteAuditTrail : IAuditTrail, IDisposable
{
    /// <summary>Longer texts are cut: an entry names things, it does not carry documents.</summary>
    public const int MaxFieldLength = 500;

    public const int MaxDetailLength = 20_000;

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_audit_time ON audit (time);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
        CREATE TRIGGER IF NOT EXISTS audit_only_question_retention BEFORE DELETE ON audit
        WHEN old.action <> '{AuditActions.Question}'
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;
        """;

    private const string Columns = "id, time, actor, action, object, outcome, detail";

    private readonly SqliteSideFile _file;

    public SqliteAuditTrail(IOptions<DataFolder> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _file = new SqliteSideFile(data.Value.AuditDatabase, Schema);
    }

    public string DatabasePath => _file.Path;

    public async Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with
        {
            Time = entry.Time.ToUniversalTime(),
            Actor = Cut(entry.Actor, MaxFieldLength),
            Action = Cut(entry.Action, MaxFieldLength),
            Object = Cut(entry.Object, MaxFieldLength),
            Outcome = Cut(entry.Outcome, MaxFieldLength),
            Detail = entry.Detail is null ? null : Cut(entry.Detail, MaxDetailLength),
        };

        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(
            connection,
            "INSERT INTO audit (time, actor, action, object, outcome, detail) VALUES ($time, $actor, $action, $object, $outcome, $detail) RETURNING id",
            ("$time", Format(stored.Time)),
            ("$actor", stored.Actor),
            ("$action", stored.Action),
            ("$object", stored.Object),
            ("$outcome", stored.Outcome),
            ("$detail", (object?)stored.Detail ?? DBNull.Value));
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return stored with { Id = id };
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {Columns} FROM audit WHERE 1 = 1");
        var parameters = new List<(string, object)>();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            sql.Append(" AND action = $action");
            parameters.Add(("$action", query.Action));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            sql.Append(" AND actor = $actor COLLATE NOCASE");
            parameters.Add(("$actor", query.Actor.Trim()));
        }

        if (query.From is { } from)
        {
            sql.Append(" AND time >= $from");
            parameters.Add(("$from", Format(from)));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND time < $until");
            parameters.Add(("$until", Format(until)));
        }

        sql.Append(" ORDER BY time DESC, id DESC LIMIT $limit");
        parameters.Add(("$limit", Math.Clamp(query.Limit, 0, AuditQuery.MaxLimit)));

        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                SqliteSideFile.ParseTime(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6))
            {
                Id = reader.GetInt64(0),
            });
        }

        return entries;
    }

    public async Task<int> DeleteQuestionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(
            connection,
            "DELETE FROM audit WHERE action = $action AND time < $cutoff",
            ("$action", AuditActions.Question),
            ("$cutoff", Format(cutoff)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _file.Dispose();

    private static string Format(DateTimeOffset time) => SqliteSideFile.FormatTime(time);

    private static string Cut(string? text, int max)
    {
        var value = text ?? string.Empty;
        return value.Length <= max ? value : value[..(max - 1)] + "…";
    }
}
