using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.DataFolders;

/// <summary>One file of a backup, as the admin reads it in the report.</summary>
/// <param name="Name">The path inside the backup folder, with forward slashes.</param>
/// <param name="Bytes">Its size in the backup.</param>
public sealed record BackedUpFile(string Name, long Bytes);

/// <summary>What a backup holds, and what it left out and why (German, for the admin).</summary>
public sealed record BackupReport(string Target, IReadOnlyList<BackedUpFile> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// A consistent copy of the data folder while the application runs: every SQLite file (feedback, accounts, API keys,
/// audit trail, history, the live store generation) through SQLite's online backup, so that a write in progress is
/// either wholly in the copy or not at all; the Data Protection keys, the run history and the uploads as files. The
/// copy has the data folder's own layout, so restoring is replacing the folder. Nothing in the data folder is changed.
/// </summary>
public sealed class DataFolderBackup(DataFolder data, EmbeddedKnowledgeStore? store = null)
{
    public async Task<BackupReport> CreateAsync(string target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var root = Path.GetFullPath(target);
        var source = data.FullPath;
        if (IsWithin(root, source) || IsWithin(source, root))
        {
            throw new ArgumentException($"Die Sicherung darf nicht im Datenordner liegen und ihn nicht enthalten: {root}");
        }

        if (File.Exists(root))
        {
            throw new ArgumentException($"Das Ziel {root} ist eine Datei; eine Sicherung wird nur in einen neuen oder leeren Ordner geschrieben.");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new ArgumentException($"Der Zielordner {root} ist nicht leer; eine Sicherung wird nur in einen neuen oder leeren Ordner geschrieben.");
        }

        if (!Directory.Exists(source))
        {
            throw new ArgumentException($"Der Datenordner {source} existiert nicht.");
        }

        Directory.CreateDirectory(root);
        var files = new List<BackedUpFile>();
        var skipped = new List<string>();
        foreach (var path in data.SideDatabases.Where(File.Exists))
        {
            files.Add(await CopyDatabaseAsync(path, root, Path.GetFileName(path), cancellationToken).ConfigureAwait(false));
        }

        if (store is not null)
        {
            await CopyLiveGenerationAsync(root, files, skipped, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            skipped.Add("Wissensspeicher: nicht der eingebettete Speicher (Qdrant wird mit seinen eigenen Snapshots gesichert).");
        }

        CopyFile(data.ReindexHistory, root, files, skipped);
        CopyTree(data.KeysDirectory, root, files, skipped, cancellationToken);
        CopyTree(data.UploadsDirectory, root, files, skipped, cancellationToken);
        return new BackupReport(root, files, skipped);
    }

    /// <summary>The live generation under <c>store/</c> with a pointer naming it; its index file is rebuilt on open.</summary>
    private async Task CopyLiveGenerationAsync(string root, List<BackedUpFile> files, List<string> skipped, CancellationToken cancellationToken)
    {
        var live = store!.DatabasePath;
        if (!File.Exists(live))
        {
            skipped.Add("Wissensspeicher: noch nichts eingelesen.");
            return;
        }

        var fileName = Path.GetFileName(live);
        files.Add(await CopyDatabaseAsync(live, root, "store/" + fileName, cancellationToken).ConfigureAwait(false));
        var pointer = "store/" + Path.GetFileName(store.PointerPath);
        var pointerPath = Path.Combine(root, pointer);
        await File.WriteAllTextAsync(pointerPath, fileName, cancellationToken).ConfigureAwait(false);
        files.Add(new BackedUpFile(pointer, new FileInfo(pointerPath).Length));
    }

    private static async Task<BackedUpFile> CopyDatabaseAsync(string path, string root, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var destination = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);

        try
        {
            await BackUpAsync(path, destination, name, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            // A generation switched and deleted meanwhile, a damaged or locked file: said in German, the cause kept.
            throw new IOException($"{name} konnte nicht gesichert werden ({exception.Message}). Bitte in einen neuen Ordner erneut sichern.", exception);
        }

        return new BackedUpFile(name, new FileInfo(destination).Length);
    }

    private static async Task BackUpAsync(string path, string destination, string name, CancellationToken cancellationToken)
    {
        // Read-only and unpooled: the backup opens nothing for writing and keeps no handle on the source.
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken).ConfigureAwait(false);
            await to.OpenAsync(cancellationToken).ConfigureAwait(false);
            from.BackupDatabase(to);

            // The copy stands alone: one file, no write-ahead log beside it.
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA journal_mode = DELETE; PRAGMA integrity_check;";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var verdict = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(0) : "leer";
            if (verdict != "ok")
            {
                throw new IOException($"Die Sicherung von {name} ist nicht lesbar ({verdict}).");
            }
        }
    }

    private void CopyFile(string path, string root, List<BackedUpFile> files, List<string> skipped)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var name = Path.GetRelativePath(data.FullPath, path).Replace('\\', '/');
        if (new FileInfo(path).LinkTarget is not null)
        {
            skipped.Add($"{name}: symbolischer Verweis, nicht kopiert.");
            return;
        }

        var destination = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(path, destination);
        files.Add(new BackedUpFile(name, new FileInfo(destination).Length));
    }

    private void CopyTree(string directory, string root, List<BackedUpFile> files, List<string> skipped, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        if (new DirectoryInfo(directory).LinkTarget is not null)
        {
            skipped.Add($"{Path.GetRelativePath(data.FullPath, directory)}: symbolischer Verweis, nicht kopiert.");
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyFile(file, root, files, skipped);
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            CopyTree(child, root, files, skipped, cancellationToken);
        }
    }

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
