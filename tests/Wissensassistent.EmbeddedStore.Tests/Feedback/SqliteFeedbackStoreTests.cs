using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Microsoft.Extensions.Logging.Abstractions;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.EmbeddedStore.Feedback;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wa-feedback-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteFeedbackStore _store;

    public SqliteFeedbackStoreTests()
    {
        _store = Open(_directory);
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
    public async Task LegacyLayout_FeedbackInsideTheStoreFile_IsCopiedOnce_AndTheStoreMovesIntoStoreFolder()
    {
        // The old layout: store files in the data folder's root, feedback as a table inside wissen.db.
        var legacy = Path.Combine(_directory, "legacy");
        using (var old = StoreFactory.Open(legacy))
        {
            await old.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        }

        var id = Guid.NewGuid();
        await ExecuteAsync(Path.Combine(legacy, "wissen.db"), $"""
            CREATE TABLE ui_feedback (id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT NOT NULL, mode TEXT NOT NULL, chunk_ids TEXT NOT NULL, citation TEXT NULL);
            INSERT INTO ui_feedback VALUES ('{id:D}', 'CitationWrong', '2026-11-02T10:00:00.0000000+00:00', 'Extractive', '["c3"]', '§ 35 Abs. 1 BauGB');
            """);

        using var migrated = Open(legacy);
        using var again = Open(legacy);
        var entries = await migrated.ListAsync(10, Ct);

        Assert.Equal(id, Assert.Single(entries).Id);
        Assert.Equal("§ 35 Abs. 1 BauGB", entries[0].Citation);
        Assert.Single(await again.ListAsync(10, Ct));
        Assert.False(File.Exists(Path.Combine(legacy, "wissen.db")));
        using var store = StoreFactory.Open(Path.Combine(legacy, "store"));
        Assert.Equal(1, (await store.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task LegacyLayout_AFileThatHeldOnlyFeedback_IsKeptAsideNotDeleted()
    {
        var legacy = Path.Combine(_directory, "legacy-feedback-only");
        Directory.CreateDirectory(legacy);
        await ExecuteAsync(Path.Combine(legacy, "wissen.db"), """
            CREATE TABLE ui_feedback (id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT NOT NULL, mode TEXT NOT NULL, chunk_ids TEXT NOT NULL, citation TEXT NULL);
            INSERT INTO ui_feedback VALUES ('7d3c1a52-2f0e-4a52-9a57-0c8f7a1f1b11', 'AnswerHelpful', '2026-11-02T10:00:00.0000000+00:00', 'Extractive', '[]', NULL);
            """);

        using var migrated = Open(legacy);

        Assert.Single(await migrated.ListAsync(10, Ct));
        Assert.True(File.Exists(Path.Combine(legacy, "wissen.db.migrated")));
        Assert.False(File.Exists(Path.Combine(legacy, "store", "wissen.db")));
    }

    private static SqliteFeedbackStore Open(string dataFolder)
    {
        var data = Options.Create(new DataFolder { Directory = dataFolder });
        return new SqliteFeedbackStore(data, new LegacyLayoutMigration(data, Options.Create(new EmbeddedStoreOptions()), NullLogger<LegacyLayoutMigration>.Instance));
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Schema_HoldsNoQuestionOrAnswerText()
    {
        await _store.SaveAsync(new FeedbackEntry(Guid.NewGuid(), FeedbackKind.AnswerHelpful, DateTimeOffset.UtcNow, AnswerMode.Generative, []), Ct);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "feedback.db")}");
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
