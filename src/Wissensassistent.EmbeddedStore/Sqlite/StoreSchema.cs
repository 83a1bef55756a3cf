using Microsoft.Data.Sqlite;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// The database layout, versioned through <c>PRAGMA user_version</c>. Each entry of <see cref="Migrations"/> lifts
/// the file by one version inside a transaction; a file from a newer version is refused, never guessed at.
/// </summary>
internal static class StoreSchema
{
    /// <summary>"WISS": marks the file as ours, so that a foreign SQLite file is not mistaken for an empty store.</summary>
    public const int ApplicationId = 0x57495353;

    public const string CurrentModelKey = "embedding_model";

    /// <summary>Advanced by every write transaction, so that other processes notice the write.</summary>
    public const string ChangeCounterKey = "change_counter";

    public const string DimensionKeyPrefix = "embedding_dimension:";

    /// <summary>A random id given to each file once, so that a saved index is never applied to another file.</summary>
    public const string StoreIdKey = "store_id";

    public static int CurrentVersion => Migrations.Length;

    /// <summary>Migrations[i] migrates version i to i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE documents (
            id TEXT PRIMARY KEY NOT NULL,
            law TEXT NOT NULL,
            title TEXT NOT NULL,
            aliases TEXT NOT NULL,
            level TEXT NOT NULL,
            type TEXT NOT NULL,
            stand TEXT,
            valid_from TEXT,
            valid_until TEXT,
            issuer TEXT,
            content_hash TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE chunks (
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            part INTEGER NOT NULL,
            law TEXT NOT NULL,
            kind TEXT NOT NULL,
            section TEXT NOT NULL,
            section_key TEXT NOT NULL,
            norm_key TEXT NOT NULL,
            absatz TEXT,
            satz INTEGER,
            nummer TEXT,
            buchstabe TEXT,
            heading_path TEXT NOT NULL,
            norm_title TEXT,
            text TEXT NOT NULL,
            is_repealed INTEGER NOT NULL,
            law_title TEXT NOT NULL,
            level TEXT NOT NULL,
            type TEXT NOT NULL,
            stand TEXT,
            valid_from TEXT,
            valid_until TEXT,
            content_hash TEXT NOT NULL,
            terms BLOB NOT NULL
        );
        CREATE INDEX chunks_by_document ON chunks (document_id, ordinal);
        CREATE INDEX chunks_by_section ON chunks (section_key);
        CREATE INDEX chunks_by_hash ON chunks (content_hash);

        CREATE TABLE embeddings (
            content_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (content_hash, model)
        );
        """,

        // Version 2: a chunk's terms carry its norm and law titles as fields of their own. Marking every document as
        // changed makes the next run (incremental at start) read them again; cached embeddings stay valid.
        """
        UPDATE documents SET content_hash = '';
        """,

        // Version 3: the references inside each chunk's text, resolved at ingestion, and their targets for "zitiert
        // von". Nothing is dropped; marking every document as changed makes the next run read them again.
        """
        CREATE TABLE IF NOT EXISTS chunk_references (
            chunk_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            basis TEXT NOT NULL,
            law TEXT NOT NULL,
            kind TEXT NOT NULL,
            section TEXT NOT NULL,
            absatz TEXT,
            satz INTEGER,
            nummer TEXT,
            buchstabe TEXT,
            target_key TEXT NOT NULL,
            PRIMARY KEY (chunk_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS chunk_references_by_target ON chunk_references (target_key);
        CREATE INDEX IF NOT EXISTS chunk_references_by_document ON chunk_references (document_id);
        UPDATE documents SET content_hash = '';
        """,

        // Version 4: document permissions. Everything stored before was public, which the defaults say; the next run
        // rewrites only the documents that the corpus's zugriff.tsv restricts (their stored hash no longer matches).
        """
        ALTER TABLE documents ADD COLUMN access_groups TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE chunks ADD COLUMN access_groups TEXT NOT NULL DEFAULT '[]';
        """,

        // Version 5: each chunk whole (text and references included) as one record blob in a table of its own, which
        // search hits are loaded from; and the log of which documents each change wrote, by which other processes and
        // the saved index file follow writes without reading everything. Rows without one are read from their columns and reference table, only slower, until their document is
        // written again (the next full run writes all).
        """
        CREATE TABLE chunk_records (
            chunk_id TEXT PRIMARY KEY NOT NULL,
            record BLOB NOT NULL
        );
        CREATE TABLE index_changes (
            change INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            PRIMARY KEY (change, document_id)
        ) WITHOUT ROWID;
        """,

        // Version 6: a norm lookup seeks its section in each document of the law. By document alone it read every chunk
        // of them, tens of thousands when a law is held by many documents; by section alone, that section of every law.
        """
        DROP INDEX IF EXISTS chunks_by_section;
        CREATE INDEX IF NOT EXISTS chunks_by_norm ON chunks (document_id, section_key, ordinal);
        """,
    ];

    /// <summary>Creates or migrates the schema; returns the version found before, 0 for a new file.</summary>
    public static int Apply(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
        var applicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id;"));
        if (version == 0)
        {
            var objects = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master;"));
            if (objects > 0)
            {
                throw new InvalidOperationException(
                    $"Die Datei {path} ist eine SQLite-Datenbank, aber kein Wissensspeicher von Wissensassistent. Bitte einen anderen Dateinamen wählen.");
            }
        }
        else if (applicationId != ApplicationId)
        {
            throw new InvalidOperationException(
                $"Die Datei {path} ist kein Wissensspeicher von Wissensassistent (application_id {applicationId}).");
        }
        else if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"Der Wissensspeicher {path} hat Schemaversion {version}, diese Programmversion kennt nur Version {CurrentVersion}. " +
                "Bitte die neuere Programmversion verwenden oder die Datei löschen und den Index neu aufbauen.");
        }

        for (var from = version; from < CurrentVersion; from++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, Migrations[from]);
            Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {from + 1};");
            transaction.Commit();
        }

        return version;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
