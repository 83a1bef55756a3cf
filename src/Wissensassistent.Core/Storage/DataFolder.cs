using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Core.Storage;

/// <summary>
/// The one folder that owns every file the application writes (section <c>Data</c>), each in its own file or
/// subfolder, so that a reindex, which replaces only <see cref="StoreDirectory"/>, never touches what staff left behind:
/// <code>
/// data/
///   store/                 embedded store generations (wissen.current, wissen.&lt;stamp&gt;.db)
///   feedback.db            "Zitat falsch" reports and ratings
///   users.db               local accounts
///   api-keys.db            API keys of the open interfaces (hashed)
///   audit.db               the audit trail (append-only)
///   history.db             conversations of signed-in users
///   keys/                  Data Protection keys (encrypted browser history, sign-in cookies)
///   reindex-history.json   the last reindex runs
///   uploads/               documents uploaded in /admin, a second corpus root
/// </code>
/// </summary>
public sealed class DataFolder
{
    public const string SectionName = "Data";

    /// <summary>The folder; relative paths are resolved against the working directory.</summary>
    [Required]
    public string Directory { get; set; } = "data";

    public string FullPath => Path.GetFullPath(Directory);

    /// <summary>Embedded store generations; the only part a reindex replaces.</summary>
    public string StoreDirectory => Combine("store");

    public string FeedbackDatabase => Combine("feedback.db");

    public string AccountsDatabase => Combine("users.db");

    /// <summary>API keys for the open interfaces (MCP, OpenAI-compatible, REST), stored as SHA-256 hashes.</summary>
    public string ApiKeysDatabase => Combine("api-keys.db");

    /// <summary>The audit trail: who did what, append-only.</summary>
    public string AuditDatabase => Combine("audit.db");

    /// <summary>Conversations of signed-in users, each visible to its owner only.</summary>
    public string HistoryDatabase => Combine("history.db");

    /// <summary>The SQLite files of what people left behind (everything but the store), as a backup copies them.</summary>
    public IReadOnlyList<string> SideDatabases => [FeedbackDatabase, AccountsDatabase, ApiKeysDatabase, AuditDatabase, HistoryDatabase];

    public string KeysDirectory => Combine("keys");

    public string ReindexHistory => Combine("reindex-history.json");

    /// <summary>Uploaded documents: ingested beside the shipped corpus, which the application never writes.</summary>
    public string UploadsDirectory => Combine("uploads");

    private string Combine(string name) => Path.Combine(FullPath, name);
}
