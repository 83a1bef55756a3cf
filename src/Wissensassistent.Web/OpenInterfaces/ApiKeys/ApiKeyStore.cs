using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.Web.OpenInterfaces.ApiKeys;

/// <summary>API keys in <c>api-keys.db</c>, their own SQLite file in the data folder, which no reindex touches.</summary>
public sealed class ApiKeyStore : IDisposable
{
    private const string Columns = "id, label, user_name, prefix, created_at, revoked_at";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            label TEXT NOT NULL,
            user_name TEXT NOT NULL COLLATE NOCASE,
            prefix TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL
        );
        """;

    private readonly SqliteSideFile _file;

    public ApiKeyStore(IOptions<DataFolder> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _file = new SqliteSideFile(data.Value.ApiKeysDatabase, Schema);
    }

    public string DatabasePath => _file.Path;

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM api_keys ORDER BY created_at DESC", cancellationToken);

    /// <summary>The key with this hash, revoked or not; null when there is none.</summary>
    public async Task<ApiKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM api_keys WHERE key_hash = $hash", cancellationToken, ("$hash", keyHash)).ConfigureAwait(false))
            .FirstOrDefault();

    public async Task AddAsync(ApiKey key, string keyHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ExecuteAsync(
            $"INSERT INTO api_keys ({Columns}, key_hash) VALUES ($id, $label, $user, $prefix, $created, NULL, $hash)",
            cancellationToken,
            ("$id", key.Id),
            ("$label", key.Label),
            ("$user", key.UserName),
            ("$prefix", key.Prefix),
            ("$created", Format(key.CreatedAt)),
            ("$hash", keyHash)).ConfigureAwait(false);
    }

    /// <summary>Marks the key revoked; false when it does not exist or was revoked before.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL",
            cancellationToken,
            ("$id", id),
            ("$at", Format(at))).ConfigureAwait(false) == 1;

    public void Dispose() => _file.Dispose();

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => SqliteSideFile.ParseTime(text);

    private async Task<IReadOnlyList<ApiKey>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new ApiKey(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : Parse(reader.GetString(5))));
        }

        return keys;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

}
