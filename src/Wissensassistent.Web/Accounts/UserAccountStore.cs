using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Local accounts in <c>users.db</c>, their own SQLite file in the data folder, which no reindex touches.
/// User names compare without regard to case.
/// </summary>
public sealed class UserAccountStore : IDisposable
{
    private const string Columns = "user_name, role, password_hash, created_at, failed_attempts, locked_until";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS users (
            user_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT NULL
        );
        """;

    private readonly SqliteSideFile _file;

    public UserAccountStore(IOptions<DataFolder> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _file = new SqliteSideFile(data.Value.AccountsDatabase, Schema);
    }

    public string DatabasePath => _file.Path;

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM users WHERE user_name = $name COLLATE NOCASE", cancellationToken, ("$name", userName)).ConfigureAwait(false);
        return found.FirstOrDefault();
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM users ORDER BY user_name COLLATE NOCASE", cancellationToken);

    public async Task<int> CountInRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT COUNT(*) FROM users WHERE role = $role", ("$role", role));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the account; false when the name is taken.</summary>
    public async Task<bool> TryAddAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var changed = await ExecuteAsync(
            $"INSERT INTO users ({Columns}) VALUES ($name, $role, $hash, $created, 0, NULL) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("$name", account.UserName),
            ("$role", account.Role),
            ("$hash", account.PasswordHash),
            ("$created", Format(account.CreatedAt))).ConfigureAwait(false);
        return changed == 1;
    }

    public Task<int> SetRoleAsync(string userName, string role, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE users SET role = $role WHERE user_name = $name COLLATE NOCASE", cancellationToken, ("$name", userName), ("$role", role));

    /// <summary>A new password also lifts a lockout.</summary>
    public Task<int> SetPasswordHashAsync(string userName, string hash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE users SET password_hash = $hash, failed_attempts = 0, locked_until = NULL WHERE user_name = $name COLLATE NOCASE", cancellationToken, ("$name", userName), ("$hash", hash));

    public Task<int> SetFailuresAsync(string userName, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE users SET failed_attempts = $failed, locked_until = $locked WHERE user_name = $name COLLATE NOCASE",
            cancellationToken,
            ("$name", userName),
            ("$failed", failedAttempts),
            ("$locked", lockedUntil is { } until ? Format(until) : DBNull.Value));

    public void Dispose() => _file.Dispose();

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private async Task<IReadOnlyList<UserAccount>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(new UserAccount(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Parse(reader.GetString(3)),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : Parse(reader.GetString(5))));
        }

        return accounts;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
