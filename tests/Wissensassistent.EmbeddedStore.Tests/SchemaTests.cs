using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory.Path, "wissen.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_NewFile_CreatesCurrentSchemaInWalMode()
    {
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.InitializeAsync(Ct);
            Assert.Equal(DatabasePath, store.DatabasePath);
        }

        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Open_FileOfVersion1_MarksEveryDocumentChanged_SoTheNextRunReadsItsTitleFields()
    {
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync([SampleCorpus.BauGBBatch], TestContext.Current.CancellationToken);
        }

        DropAccessColumns();
        Scalar("DROP TABLE chunk_references; PRAGMA user_version = 1;");
        await using var migrated = StoreFactory.Open(_directory.Path);
        var hashes = await migrated.GetDocumentHashesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(string.Empty, hashes[SampleCorpus.BauGB.Id]);
        Assert.Equal(1, (await migrated.GetStatisticsAsync(TestContext.Current.CancellationToken)).Documents);
        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Open_FileOfVersion2_KeepsEveryChunk_AddsTheReferenceTable_AndMarksDocumentsChanged()
    {
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync(SampleCorpus.All, Ct);
        }

        // A data folder of the previous version: no reference table and no access columns yet.
        DropAccessColumns();
        Scalar("DROP TABLE chunk_references; PRAGMA user_version = 2;");
        var chunks = Scalar("SELECT count(*) FROM chunks;");
        await using var migrated = StoreFactory.Open(_directory.Path);
        var hashes = await migrated.GetDocumentHashesAsync(Ct);

        Assert.All(hashes.Values, hash => Assert.Equal(string.Empty, hash));
        Assert.Equal(chunks, Scalar("SELECT count(*) FROM chunks;"));
        Assert.Equal(SampleCorpus.All.Count, (await migrated.GetStatisticsAsync(Ct)).Documents);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM chunk_references;"));
        Assert.NotEmpty(await migrated.GetNormAsync("BauGB", "35", Ct));
        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Open_FileOfVersion3_KeepsEveryDocumentPublicAndUnchanged()
    {
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        }

        // A data folder of version 3: references, but no access columns.
        DropAccessColumns();
        Scalar("PRAGMA user_version = 3;");
        await using var migrated = StoreFactory.Open(_directory.Path);

        Assert.Equal(SampleCorpus.BauGB.ContentHash, (await migrated.GetDocumentHashesAsync(Ct))[SampleCorpus.BauGB.Id]);
        Assert.NotEmpty(await migrated.SearchLexicalAsync(new SimpleTextAnalyzer().Query("Außenbereich"), SearchFilter.None, 5, Ct));
        Assert.Empty((await migrated.ListLawsAsync(Ct)).Single().AccessGroups);
        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Open_FileOfVersion4_ReadsChunksWithoutRecordsFromTheirColumns_ReferencesIncluded()
    {
        var referenced = SampleCorpus.BauGBBatch with
        {
            Chunks = new CrossReferenceResolver(new CitationParser(LawNameResolver.BuiltIn)).Annotate(SampleCorpus.BauGBBatch.Chunks),
        };
        var query = new SimpleTextAnalyzer().Query("Einvernehmen Baugenehmigungsbehörde");
        Chunk written;
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync([referenced], Ct);
            written = (await store.SearchLexicalAsync(query, SearchFilter.None, 1, Ct)).Single().Chunk;
        }

        Assert.NotEmpty(written.References);

        // A file of version 4 had no records; its texts were in the text column.
        RestoreTextColumn(written);
        Scalar("DROP TABLE chunk_records; DROP TABLE index_changes; PRAGMA user_version = 4;");

        await using var migrated = StoreFactory.Open(_directory.Path);
        var hit = (await migrated.SearchLexicalAsync(query, SearchFilter.None, 1, Ct)).Single().Chunk;
        var again = await migrated.GetChunkAsync(written.Id, Ct);

        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
        Assert.Equal(written.Text, hit.Text);
        Assert.Equal(written.References, hit.References);
        Assert.Equal(written.HeadingPath, hit.HeadingPath);
        Assert.Equal(written.Citation, again!.Citation);
        Assert.Equal(written.References, again.References);
    }

    [Fact]
    public async Task Open_FileOfVersion5_KeepsItsNorms_AndSeeksANormsSectionInEachDocumentOfTheLaw()
    {
        IReadOnlyList<Chunk> norm;
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync(SampleCorpus.All, Ct);
            norm = await store.GetNormAsync("BauGB", "35", Ct);
        }

        Assert.NotEmpty(norm);

        // A file of version 5 had the sections indexed on their own.
        Scalar("DROP INDEX chunks_by_norm; CREATE INDEX chunks_by_section ON chunks (section_key); PRAGMA user_version = 5;");
        await using var migrated = StoreFactory.Open(_directory.Path);

        Assert.Equal(norm.Select(chunk => chunk.Id), (await migrated.GetNormAsync("BauGB", "35", Ct)).Select(chunk => chunk.Id));
        Assert.Equal(6L, Scalar("PRAGMA user_version;"));
        Assert.Null(Scalar("SELECT name FROM sqlite_master WHERE name = 'chunks_by_section';"));
        Assert.Contains(
            "chunks_by_norm (document_id=? AND section_key=?)",
            QueryPlan("SELECT id FROM chunks WHERE document_id IN ('a', 'b') AND section_key = '35' ORDER BY document_id, ordinal;"),
            StringComparison.Ordinal);
    }

    private string QueryPlan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join('\n', details);
    }

    private void RestoreTextColumn(Chunk chunk)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE chunks SET text = $text WHERE id = $id;";
        command.Parameters.AddWithValue("$text", chunk.Text);
        command.Parameters.AddWithValue("$id", chunk.Id);
        command.ExecuteNonQuery();
    }

    /// <summary>A file as versions before 4 wrote it: without the access columns (nor records, of version 5).</summary>
    private void DropAccessColumns()
    {
        Scalar("DROP TABLE chunk_records; DROP TABLE index_changes;");
        Scalar("ALTER TABLE chunks DROP COLUMN access_groups;");
        Scalar("ALTER TABLE documents DROP COLUMN access_groups;");
    }

    [Fact]
    public async Task Open_FileOfNewerSchemaVersion_IsRefusedWithoutChangingIt()
    {
        await using (var store = StoreFactory.Open(_directory.Path))
        {
            await store.UpsertAsync(SampleCorpus.All, Ct);
        }

        Scalar("PRAGMA user_version = 7;");

        await using var newer = StoreFactory.Open(_directory.Path);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.GetStatisticsAsync(Ct));
        Assert.Contains("Schemaversion 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(7L, Scalar("PRAGMA user_version;"));
        Assert.Equal(18L, Scalar("SELECT count(*) FROM chunks;"));
    }

    [Fact]
    public async Task Open_ForeignSqliteFile_IsRefused()
    {
        Scalar("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT);");

        await using var store = StoreFactory.Open(_directory.Path);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
        Assert.Contains("kein Wissensspeicher", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'chunks';"));
    }

    private object? Scalar(string sql)
    {
        Directory.CreateDirectory(_directory.Path);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
