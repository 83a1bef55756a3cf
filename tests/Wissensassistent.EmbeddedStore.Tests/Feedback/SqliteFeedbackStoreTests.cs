using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.EmbeddedStore.Feedback;

namespace Wissensassistent.EmbeddedStore.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wa-feedback-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteFeedbackStore _store;

    public SqliteFeedbackStoreTests()
    {
        _store = new SqliteFeedbackStore(Options.Create(new FeedbackStoreOptions { DataDirectory = _directory, FileName = "wissen.db" }));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_ThenList_ReturnsEntryNewestFirst()
    {
        var older = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.AnswerHelpful, new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.FromHours(1)), AnswerMode.Generative, ["c1", "c2"]);
        var newer = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.CitationWrong, new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), AnswerMode.Extractive, ["c3"], "§ 35 Abs. 1 BauGB");

        await _store.SaveAsync(older, Ct);
        await _store.SaveAsync(newer, Ct);
        var entries = await _store.ListAsync(10, Ct);

        Assert.Equal(2, entries.Count);
        Assert.Equal(newer with { ChunkIds = entries[0].ChunkIds }, entries[0]);
        Assert.Equal(["c3"], entries[0].ChunkIds);
        Assert.Equal(older.CreatedAt, entries[1].CreatedAt);
        Assert.Equal(["c1", "c2"], entries[1].ChunkIds);
    }

    [Fact]
    public async Task SaveAsync_SameId_ReplacesTheVote()
    {
        var id = Guid.NewGuid();
        await _store.SaveAsync(new FeedbackEntry(id, FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, ["c1"]), Ct);
        await _store.SaveAsync(new FeedbackEntry(id, FeedbackKind.AnswerNotHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, ["c1"]), Ct);

        var entry = Assert.Single(await _store.ListAsync(10, Ct));
        Assert.Equal(FeedbackKind.AnswerNotHelpful, entry.Kind);
    }

    [Fact]
    public async Task DeleteAsync_RemovesEntry_AndIgnoresUnknownIds()
    {
        var id = Guid.NewGuid();
        await _store.SaveAsync(new FeedbackEntry(id, FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, []), Ct);

        await _store.DeleteAsync(id, Ct);
        await _store.DeleteAsync(Guid.NewGuid(), Ct);

        Assert.Empty(await _store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task SaveAsync_SharesTheFileWithOtherTables_WithoutTouchingThem()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "wissen.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE chunks (id TEXT PRIMARY KEY); INSERT INTO chunks VALUES ('a');";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await _store.SaveAsync(new FeedbackEntry(Guid.NewGuid(), FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, ["a"]), Ct);

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM chunks";
            Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
        }
    }

    [Fact]
    public async Task Schema_HoldsNoQuestionOrAnswerText()
    {
        await _store.SaveAsync(new FeedbackEntry(Guid.NewGuid(), FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, []), Ct);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "wissen.db")}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('ui_feedback') ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Equal(["id", "kind", "created_at", "mode", "chunk_ids", "citation"], columns);
    }

    [Fact]
    public async Task SaveAsync_TooManyPassages_IsRejected()
    {
        var entry = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, Enumerable.Range(0, 51).Select(i => $"c{i}").ToList());

        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(entry, Ct));
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger a moment; the temp folder is cleaned up by the system then.
        }
    }
}
