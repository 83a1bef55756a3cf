namespace Wissensassistent.Testing;

/// <summary>
/// Everything a SQLite database holds on disk, as text: the file and its write-ahead log, where the newest rows stay
/// until a checkpoint. A test that asserts a secret is not stored must read both.
/// </summary>
public static class SqliteFileText
{
    public static string Read(string databasePath) =>
        string.Concat(new[] { databasePath, databasePath + "-wal" }
            .Where(File.Exists)
            .Select(file => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file))));
}
