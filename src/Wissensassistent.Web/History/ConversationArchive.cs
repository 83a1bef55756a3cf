using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Sqlite;
using Wissensassistent.Web.Components.History;

namespace Wissensassistent.Web.History;

/// <summary>
/// Conversations of signed-in users in <c>history.db</c>, their own file in the data folder, which no reindex touches.
/// Every read and every change names the owner, and a conversation is found only under its owner's name: another user
/// who knows or guesses its id sees nothing and changes nothing. A question is stored when it is asked (pending), its
/// answer when it is done, so that a reload in between finds the question.
/// </summary>
public sealed class ConversationArchive : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT NOT NULL PRIMARY KEY,
            owner TEXT NOT NULL COLLATE NOCASE,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_conversations_owner ON conversations (owner, updated_at);
        CREATE TABLE IF NOT EXISTS turns (
            id TEXT NOT NULL PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            question TEXT NOT NULL,
            asked_at TEXT NOT NULL,
            answer_text TEXT NULL,
            answer_json TEXT NULL,
            answered_at TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_turns_conversation ON turns (conversation_id, ordinal);
        """;

    private readonly SqliteSideFile _file;

    public ConversationArchive(IOptions<DataFolder> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _file = new SqliteSideFile(data.Value.HistoryDatabase, Schema);
    }

    /// <summary>The owner's conversations, newest first; with <paramref name="search"/>, those whose title, questions or answers contain it.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, string? search, int limit, CancellationToken cancellationToken = default)
    {
        var filter = string.IsNullOrWhiteSpace(search)
            ? ""
            : """
               AND (c.title LIKE $search ESCAPE '\' OR EXISTS (
                  SELECT 1 FROM turns AS s WHERE s.conversation_id = c.id AND (s.question LIKE $search ESCAPE '\' OR s.answer_text LIKE $search ESCAPE '\')))
              """;
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = SqliteSideFile.Command(
            connection,
            $"""
            SELECT c.id, c.title, c.updated_at, (SELECT COUNT(*) FROM turns AS t WHERE t.conversation_id = c.id AND t.answer_json IS NOT NULL)
            FROM conversations AS c WHERE c.owner = $owner {filter}
            ORDER BY c.updated_at DESC LIMIT $limit
            """,
            ("$owner", owner),
            ("$search", "%" + EscapeLike(search?.Trim() ?? "") + "%"),
            ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var summaries = new List<ConversationSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            summaries.Add(new ConversationSummary(Guid.Parse(reader.GetString(0)), reader.GetString(1), Parse(reader.GetString(2)), reader.GetInt32(3)));
        }

        return summaries;
    }

    /// <summary>The owner's conversation with its answered turns and the questions still pending; null for anyone else's.</summary>
    public async Task<(StoredConversation Conversation, IReadOnlyList<PendingQuestion> Pending)?> GetAsync(string owner, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        string title;
        DateTimeOffset created, updated;
        await using (var head = SqliteSideFile.Command(connection, "SELECT title, created_at, updated_at FROM conversations WHERE id = $id AND owner = $owner", ("$id", Id(id)), ("$owner", owner)))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (title, created, updated) = (reader.GetString(0), Parse(reader.GetString(1)), Parse(reader.GetString(2)));
        }

        var turns = new List<StoredTurn>();
        var pending = new List<PendingQuestion>();
        await using (var body = SqliteSideFile.Command(connection, "SELECT id, question, asked_at, answer_json, answered_at FROM turns WHERE conversation_id = $id ORDER BY ordinal", ("$id", Id(id))))
        await using (var reader = await body.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.IsDBNull(3) || ConversationJson.Deserialize<Answer>(reader.GetString(3)) is not { } answer)
                {
                    pending.Add(new PendingQuestion(Guid.Parse(reader.GetString(0)), reader.GetString(1), Parse(reader.GetString(2))));
                }
                else
                {
                    turns.Add(new StoredTurn(answer, Parse(reader.GetString(4))));
                }
            }
        }

        return (new StoredConversation(id, title, created, updated, turns), pending);
    }

    /// <summary>
    /// Stores a question as pending in the owner's conversation, creating it with <paramref name="title"/> if new; false
    /// when the id belongs to another user's conversation (nothing is written).
    /// </summary>
    public async Task<bool> BeginTurnAsync(string owner, Guid conversationId, string title, Guid turnId, string question, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var upsert = SqliteSideFile.Command(
            connection,
            """
            INSERT INTO conversations (id, owner, title, created_at, updated_at) VALUES ($id, $owner, $title, $now, $now)
            ON CONFLICT (id) DO UPDATE SET updated_at = $now WHERE conversations.owner = $owner
            """,
            ("$id", Id(conversationId)), ("$owner", owner), ("$title", title), ("$now", Format(now))))
        {
            upsert.Transaction = transaction;
            if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await using (var insert = SqliteSideFile.Command(
            connection,
            """
            INSERT INTO turns (id, conversation_id, ordinal, question, asked_at)
            VALUES ($turn, $id, (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM turns WHERE conversation_id = $id), $question, $now)
            """,
            ("$turn", Id(turnId)), ("$id", Id(conversationId)), ("$question", question), ("$now", Format(now))))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Stores the answer of a pending question of the owner's.</summary>
    public Task CompleteTurnAsync(string owner, Guid turnId, Answer answer, DateTimeOffset answeredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return ExecuteAsync(
            [
                $"UPDATE turns SET answer_text = $text, answer_json = $json, answered_at = $at WHERE id = $turn AND {OwnedTurn}",
                "UPDATE conversations SET updated_at = $at WHERE owner = $owner AND id = (SELECT conversation_id FROM turns WHERE id = $turn)",
            ],
            cancellationToken,
            ("$turn", Id(turnId)), ("$owner", owner), ("$text", answer.Text), ("$json", ConversationJson.Serialize(answer)), ("$at", Format(answeredAt)));
    }

    /// <summary>Removes a question that got no answer (failed, cancelled, or cut short by a restart).</summary>
    public Task DiscardTurnAsync(string owner, Guid turnId, CancellationToken cancellationToken = default) =>
        ExecuteAsync([$"DELETE FROM turns WHERE id = $turn AND answer_json IS NULL AND {OwnedTurn}"], cancellationToken, ("$turn", Id(turnId)), ("$owner", owner));

    public Task DeleteAsync(string owner, Guid id, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            [
                "DELETE FROM turns WHERE conversation_id = (SELECT id FROM conversations WHERE id = $id AND owner = $owner)",
                "DELETE FROM conversations WHERE id = $id AND owner = $owner",
            ],
            cancellationToken,
            ("$id", Id(id)), ("$owner", owner));

    /// <summary>Every conversation of the owner (the account is deleted).</summary>
    public Task DeleteOwnerAsync(string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            [
                "DELETE FROM turns WHERE conversation_id IN (SELECT id FROM conversations WHERE owner = $owner)",
                "DELETE FROM conversations WHERE owner = $owner",
            ],
            cancellationToken,
            ("$owner", owner));

    /// <summary>Retention: conversations last changed before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> DeleteUntouchedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            [
                "DELETE FROM turns WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < $cutoff)",
                "DELETE FROM conversations WHERE updated_at < $cutoff",
            ],
            cancellationToken,
            ("$cutoff", Format(cutoff)));

    public void Dispose() => _file.Dispose();

    private const string OwnedTurn = "conversation_id IN (SELECT id FROM conversations WHERE owner = $owner)";

    private static string Id(Guid id) => id.ToString("N");

    private static string Format(DateTimeOffset time) => SqliteSideFile.FormatTime(time);

    private static DateTimeOffset Parse(string text) => SqliteSideFile.ParseTime(text);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The statements in one transaction; returns the rows the last one changed.</summary>
    private async Task<int> ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var changed = 0;
        foreach (var sql in statements)
        {
            await using var command = SqliteSideFile.Command(connection, sql, parameters);
            command.Transaction = transaction;
            changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }
}
