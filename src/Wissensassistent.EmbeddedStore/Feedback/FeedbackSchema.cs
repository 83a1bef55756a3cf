namespace Wissensassistent.EmbeddedStore.Feedback;

/// <summary>The table of <c>feedback.db</c>; also used to create it in an attached database during migration.</summary>
internal static class FeedbackSchema
{
    /// <param name="schema">Empty, or an attached database's name with a dot (<c>target.</c>).</param>
    public static string Create(string schema = "") => $"""
        CREATE TABLE IF NOT EXISTS {schema}ui_feedback (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            mode TEXT NOT NULL,
            chunk_ids TEXT NOT NULL,
            citation TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS {schema}ix_ui_feedback_created_at ON ui_feedback (created_at);
        """;
}
