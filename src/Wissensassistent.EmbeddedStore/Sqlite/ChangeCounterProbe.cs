using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// The file's change counter, read on a connection kept open with the statement prepared. Read before every operation,
/// several times per question (each vocabulary check is one), so it steps the statement directly: through a command each
/// read made a data reader and a string.
/// </summary>
internal sealed class ChangeCounterProbe : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public ChangeCounterProbe(SqliteConnection connection)
    {
        _connection = connection;
        var database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(database, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1;", out _statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        rc = raw.sqlite3_bind_text(_statement, 1, StoreSchema.ChangeCounterKey);
        SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>The counter as committed now; 0 before the first write.</summary>
    public long Read()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_int64(_statement, 0);
            }

            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc, _connection.Handle);
            return 0;
        }
        finally
        {
            // Ends the read transaction the step began.
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        _connection.Dispose();
    }
}
