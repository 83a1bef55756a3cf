using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Sqlite;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Local accounts in <c>users.db</c>, their own SQLite file in the data folder, which no reindex touches.
/// User names compare without regard to case.
/// </summary>
public sealed class UserAccountStore : IDisposable
{
    private const string Columns = "user_name, role, password_hash, created_at, security_stamp, disabled, groups";

    // failed_attempts and locked_until of older installations stay unused: lockouts are counted per client (SignInLockout).
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS users (
            user_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            security_stamp TEXT NOT NULL DEFAULT '',
            disabled INTEGER NOT NULL DEFAULT 0,
            groups TEXT NOT NULL DEFAULT ''
        );
        """;

    /// <summary>
    /// Appended to a change that could take away the last active administrator: it applies only when the account is
    /// no active administrator or another one remains. One statement, so two administrators cannot remove each other.
    /// </summary>
    private const string KeepsAnActiveAdmin = $"""
        (role <> '{AppRoles.Admin}' OR disabled = 1 OR EXISTS (
            SELECT 1 FROM users AS other
            WHERE other.role = '{AppRoles.Admin}' AND other.disabled = 0 AND other.user_name <> users.user_name))
        """;

    private readonly SqliteSideFile _file;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    public UserAccountStore(IOptions<DataFolder> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _file = new SqliteSideFile(data.Value.AccountsDatabase, Schema);
    }

    public string DatabasePath => _file.Path;

    /// <summary>A new random security stamp.</summary>
    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM users WHERE user_name = $name COLLATE NOCASE", cancellationToken, ("$name", userName)).ConfigureAwait(false);
        return found.FirstOrDefault();
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM users ORDER BY user_name COLLATE NOCASE", cancellationToken);

    /// <summary>Accounts in the role that are not disabled.</summary>
    public async Task<int> CountActiveInRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, "SELECT COUNT(*) FROM users WHERE role = $role AND disabled = 0", ("$role", role));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the account; false when the name is taken.</summary>
    public async Task<bool> TryAddAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var changed = await ExecuteAsync(
            $"INSERT INTO users ({Columns}) VALUES ($name, $role, $hash, $created, $stamp, $disabled, $groups) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("$name", account.UserName),
            ("$role", account.Role),
            ("$hash", account.PasswordHash),
            ("$created", Format(account.CreatedAt)),
            ("$stamp", account.SecurityStamp),
            ("$disabled", account.IsDisabled ? 1 : 0),
            ("$groups", string.Join(',', account.Groups))).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Sets the document groups (normalized, comma-separated) and a new stamp; 0 when the account is missing.</summary>
    public Task<int> SetGroupsAsync(string userName, IReadOnlyList<string> groups, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE users SET groups = $groups, security_stamp = $stamp WHERE user_name = $name COLLATE NOCASE",
            cancellationToken,
            ("$name", userName),
            ("$groups", string.Join(',', groups)),
            ("$stamp", NewSecurityStamp()));

    /// <summary>Sets the role and a new stamp; 0 when the account is missing or is the last active administrator.</summary>
    public Task<int> SetRoleAsync(string userName, string role, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"UPDATE users SET role = $role, security_stamp = $stamp WHERE user_name = $name COLLATE NOCASE AND ($role = '{AppRoles.Admin}' OR {KeepsAnActiveAdmin})",
            cancellationToken,
            ("$name", userName),
            ("$role", role),
            ("$stamp", NewSecurityStamp()));

    /// <summary>A new hash; with <paramref name="newStamp"/> true (a reset, a change) every existing sign-in ends, false
    /// keeps them (a rehash at sign-in).</summary>
    public Task<int> SetPasswordHashAsync(string userName, string hash, bool newStamp, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE users SET password_hash = $hash, security_stamp = CASE WHEN $renew = 1 THEN $stamp ELSE security_stamp END WHERE user_name = $name COLLATE NOCASE",
            cancellationToken,
            ("$name", userName),
            ("$hash", hash),
            ("$renew", newStamp ? 1 : 0),
            ("$stamp", NewSecurityStamp()));

    /// <summary>Disables (ending its sign-ins) or enables the account; 0 when it is missing or disabling it would leave
    /// no active administrator.</summary>
    public Task<int> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"UPDATE users SET disabled = $disabled, security_stamp = $stamp WHERE user_name = $name COLLATE NOCASE AND ($disabled = 0 OR {KeepsAnActiveAdmin})",
            cancellationToken,
            ("$name", userName),
            ("$disabled", disabled ? 1 : 0),
            ("$stamp", NewSecurityStamp()));

    /// <summary>Removes the account; 0 when it is missing or the last active administrator.</summary>
    public Task<int> DeleteAsync(string userName, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DELETE FROM users WHERE user_name = $name COLLATE NOCASE AND {KeepsAnActiveAdmin}", cancellationToken, ("$name", userName));

    public void Dispose()
    {
        _file.Dispose();
        _migrationLock.Dispose();
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => SqliteSideFile.ParseTime(text);

    private async Task<IReadOnlyList<UserAccount>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(new UserAccount(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.GetInt32(5) != 0)
            {
                Groups = reader.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries),
            });
        }

        return accounts;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_migrated)
        {
            try
            {
                await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return connection;
    }

    /// <summary>
    /// Brings a users table of an older version up to date, once per process: the columns security_stamp and disabled
    /// are added when missing, and accounts without a stamp get one (sign-ins from before carry none and end, the
    /// accounts themselves keep working).
    /// </summary>
    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _migrationLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            // IMMEDIATE: a second process starting at the same moment waits instead of adding the column twice.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using (var pragma = SqliteSideFile.Command(connection, "SELECT name FROM pragma_table_info('users')"))
            {
                pragma.Transaction = transaction;
                await using var reader = await pragma.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    columns.Add(reader.GetString(0));
                }
            }

            var statements = new List<string>();
            if (!columns.Contains("security_stamp"))
            {
                statements.Add("ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT ''");
            }

            if (!columns.Contains("disabled"))
            {
                statements.Add("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0");
            }

            if (!columns.Contains("groups"))
            {
                statements.Add("ALTER TABLE users ADD COLUMN groups TEXT NOT NULL DEFAULT ''");
            }

            statements.Add("UPDATE users SET security_stamp = upper(hex(randomblob(16))) WHERE security_stamp = ''");
            foreach (var sql in statements)
            {
                await using var command = SqliteSideFile.Command(connection, sql);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

}
