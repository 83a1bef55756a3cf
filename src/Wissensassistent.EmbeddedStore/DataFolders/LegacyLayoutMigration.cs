using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Feedback;

namespace Wissensassistent.EmbeddedStore.DataFolders;

/// <summary>
/// Moves an installation of the older layout into <see cref="DataFolder"/>'s, once, before anything opens a file: the
/// embedded store's files lay in the data folder's root and the feedback table lived inside <c>wissen.db</c>, which a
/// full reindex deleted. The feedback rows are copied into <c>feedback.db</c>; the store files move into <c>store/</c>;
/// a <c>wissen.db</c> that held only feedback is kept under a new name, never deleted. Accounts, keys and the run
/// history already had their own files at the same place.
/// </summary>
public sealed partial class LegacyLayoutMigration
{
    private readonly DataFolder _data;
    private readonly string _storeFileName;
    private readonly ILogger<LegacyLayoutMigration> _logger;
    private readonly Lazy<bool> _done;

    public LegacyLayoutMigration(IOptions<DataFolder> data, IOptions<EmbeddedStoreOptions> store, ILogger<LegacyLayoutMigration> logger)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(store);
        _data = data.Value;
        _storeFileName = store.Value.FileName;
        _logger = logger;
        _done = new Lazy<bool>(Migrate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Runs the migration the first time it is called in this process; later calls return at once.</summary>
    public void EnsureMigrated() => _ = _done.Value;

    private bool Migrate()
    {
        var root = _data.FullPath;
        var legacyStore = Path.Combine(root, _storeFileName);
        var stem = Path.GetFileNameWithoutExtension(_storeFileName);
        var pointer = Path.Combine(root, stem + ".current");
        if (!File.Exists(legacyStore) && !File.Exists(pointer))
        {
            return false;
        }

        var copied = File.Exists(legacyStore) ? CopyFeedback(legacyStore) : 0;
        var storeFiles = StoreFiles(root, stem, Path.GetExtension(_storeFileName)).ToList();
        if (File.Exists(legacyStore) && !IsKnowledgeStore(legacyStore))
        {
            // Only the feedback table was in it: the rows are copied; the file is kept aside, not removed.
            SqliteConnection.ClearAllPools();
            Move(legacyStore, legacyStore + ".migrated", root);
            storeFiles.RemoveAll(file => file.StartsWith(legacyStore, StringComparison.Ordinal));
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(_data.StoreDirectory);
        foreach (var file in storeFiles)
        {
            Move(file, Path.Combine(_data.StoreDirectory, Path.GetFileName(file)), root);
        }

        LogMigrated(_logger, root, copied, storeFiles.Count);
        return true;
    }

    /// <summary>Copies <c>ui_feedback</c> rows into <c>feedback.db</c>; rows already there (same id) are left as they are.</summary>
    private int CopyFeedback(string legacyStore)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = legacyStore, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        if (!HasTable(connection, "ui_feedback"))
        {
            return 0;
        }

        Directory.CreateDirectory(_data.FullPath);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            ATTACH DATABASE $target AS target;
            {FeedbackSchema.Create("target.")}
            INSERT OR IGNORE INTO target.ui_feedback (id, kind, created_at, mode, chunk_ids, citation)
                SELECT id, kind, created_at, mode, chunk_ids, citation FROM main.ui_feedback;
            """;
        command.Parameters.AddWithValue("$target", _data.FeedbackDatabase);
        var copied = command.ExecuteNonQuery();
        using var detach = connection.CreateCommand();
        detach.CommandText = "DETACH DATABASE target";
        detach.ExecuteNonQuery();
        return Math.Max(copied, 0);
    }

    private static bool IsKnowledgeStore(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return HasTable(connection, "chunks");
    }

    private static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static IEnumerable<string> StoreFiles(string root, string stem, string extension)
    {
        var pattern = new Regex(
            "^" + Regex.Escape(stem) + @"(\.current|(\.\d{17}(-\d+)?)?" + Regex.Escape(extension) + "(-wal|-shm)?)$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return Directory.EnumerateFiles(root).Where(file => pattern.IsMatch(Path.GetFileName(file))).Order(StringComparer.Ordinal);
    }

    private void Move(string from, string to, string root)
    {
        try
        {
            File.Move(from, to, overwrite: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another process (web app beside the worker) moved it first, or the target exists: leave both as they are.
            LogMoveSkipped(_logger, Path.GetRelativePath(root, from), exception);
        }
    }

    [LoggerMessage(2060, LogLevel.Warning, "Data folder {Path} migrated to the new layout: {Feedback} feedback entries copied into feedback.db, {Files} store files moved into store/")]
    private static partial void LogMigrated(ILogger logger, string path, int feedback, int files);

    [LoggerMessage(2061, LogLevel.Warning, "Data folder migration left {File} in place")]
    private static partial void LogMoveSkipped(ILogger logger, string file, Exception exception);
}
