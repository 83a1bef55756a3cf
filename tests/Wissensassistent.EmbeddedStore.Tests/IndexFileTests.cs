using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// The index file saved beside the store file: used when it matches, never trusted when it does not, and followed by
/// the change log. Where a test must tell "read from the index file or the log" from "read every chunk's row", it breaks
/// the stored terms of the rows that should not be read: reading them throws.
/// </summary>
public sealed class IndexFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SimpleTextAnalyzer _analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory.Path, "wissen.db");

    private string IndexPath => DatabasePath + ".index";

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_AfterAnotherInstanceClosed_ReadsTheIndexFile_NotEveryChunkRow()
    {
        var expected = await WriteSampleAndSearchAsync();
        Assert.True(File.Exists(IndexPath));
        BreakStoredTerms("1 = 1");

        await using var reopened = StoreFactory.Open(_directory.Path);

        Assert.Equal(expected, await SearchAsync(reopened));
    }

    [Fact]
    public async Task Write_AfterOpeningFromTheIndexFile_KeepsEveryOtherDocument_AndSavesTheChange()
    {
        var expected = await WriteSampleAndSearchAsync();
        BreakStoredTerms($"document_id <> '{SampleCorpus.Hundesteuersatzung.Id}'");
        await using (var writer = StoreFactory.Open(_directory.Path))
        {
            Assert.Equal(expected, await SearchAsync(writer));
            await writer.DeleteDocumentsAsync([SampleCorpus.Hundesteuersatzung.Id], Ct);
            var removed = SampleCorpus.HundesteuersatzungBatch.Chunks.Select(chunk => chunk.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(expected.Where(hit => !removed.Contains(hit.Id)).Select(hit => hit.Id), (await SearchAsync(writer)).Select(hit => hit.Id));
            Assert.Empty(await writer.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 10, Ct));
        }

        await using var reopened = StoreFactory.Open(_directory.Path);
        Assert.Empty(await reopened.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 10, Ct));
        Assert.NotEmpty(await reopened.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Open_FromIndexFile_RanksExactlyAsRebuiltFromTheStoreFile()
    {
        var expected = await WriteSampleAndSearchAsync();
        File.Delete(IndexPath);
        await using (var rebuilt = StoreFactory.Open(_directory.Path))
        {
            Assert.Equal(expected, await SearchAsync(rebuilt));
        }

        // The rebuilt instance saved the file again.
        Assert.True(File.Exists(IndexPath));
        await using var fromFile = StoreFactory.Open(_directory.Path);
        Assert.Equal(expected, await SearchAsync(fromFile));
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public async Task Open_CorruptIndexFile_IsIgnored_AndTheIndexRebuiltFromTheStoreFile(string damage)
    {
        var expected = await WriteSampleAndSearchAsync();
        var bytes = File.ReadAllBytes(IndexPath);
        switch (damage)
        {
            case "flipped":
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(IndexPath, bytes);
                break;
            case "truncated":
                File.WriteAllBytes(IndexPath, bytes[..(bytes.Length / 2)]);
                break;
            default:
                File.WriteAllBytes(IndexPath, []);
                break;
        }

        await using (var reopened = StoreFactory.Open(_directory.Path))
        {
            Assert.Equal(expected, await SearchAsync(reopened));
        }

        // And the file written in its place is whole again.
        BreakStoredTerms("1 = 1");
        await using var again = StoreFactory.Open(_directory.Path);
        Assert.Equal(expected, await SearchAsync(again));
    }

    [Fact]
    public async Task Open_LeftoverFromACrashMidSave_IsHarmless()
    {
        var expected = await WriteSampleAndSearchAsync();

        // A save killed before its rename leaves a temporary file; the index file stays the previous one.
        var abandoned = IndexPath + ".0badc0de.tmp";
        File.WriteAllBytes(abandoned, File.ReadAllBytes(IndexPath)[..100]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        await using var reopened = StoreFactory.Open(_directory.Path);
        Assert.Equal(expected, await SearchAsync(reopened));
        Assert.False(File.Exists(abandoned));
    }

    [Fact]
    public async Task Open_IndexFileOfAnotherStore_IsIgnored()
    {
        using var other = new TemporaryDirectory();
        await using (var foreign = StoreFactory.Open(other.Path))
        {
            await foreign.UpsertAsync([SampleCorpus.HundesteuersatzungBatch], Ct);
        }

        var expected = await WriteSampleAndSearchAsync();
        File.Copy(Path.Combine(other.Path, "wissen.db.index"), IndexPath, overwrite: true);

        await using var reopened = StoreFactory.Open(_directory.Path);
        Assert.Equal(expected, await SearchAsync(reopened));
    }

    [Fact]
    public async Task Open_StaleIndexFile_AppliesTheLoggedChanges_ReadingOnlyTheChangedDocuments()
    {
        await WriteSampleAndSearchAsync();
        var stale = File.ReadAllBytes(IndexPath);
        await using (var writer = StoreFactory.Open(_directory.Path))
        {
            Assert.NotEmpty(await writer.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 10, Ct));
            await writer.UpsertAsync([SampleCorpus.BauGBBatch with { Chunks = [.. SampleCorpus.BauGBBatch.Chunks.Take(2)] }], Ct);
            await writer.DeleteDocumentsAsync([SampleCorpus.Hundesteuersatzung.Id], Ct);
        }

        // The index file as saved before those two writes, and the rows they did not touch unreadable.
        File.WriteAllBytes(IndexPath, stale);
        BreakStoredTerms($"document_id <> '{SampleCorpus.BauGB.Id}'");

        await using var reopened = StoreFactory.Open(_directory.Path);
        Assert.Empty(await reopened.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));
        Assert.Empty(await reopened.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 10, Ct));
        Assert.NotEmpty(await reopened.SearchLexicalAsync(_analyzer.Query("Gemeinderat"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Search_AfterAnotherProcessWrote_SeesTheWrite_ReadingOnlyTheChangedDocument()
    {
        await using var web = StoreFactory.Open(_directory.Path);
        await web.UpsertAsync(SampleCorpus.All, Ct);
        Assert.NotEmpty(await web.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));

        await using (var worker = StoreFactory.Open(_directory.Path))
        {
            await worker.UpsertAsync([SampleCorpus.BauGBBatch with { Chunks = [.. SampleCorpus.BauGBBatch.Chunks.Take(2)] }], Ct);
        }

        BreakStoredTerms($"document_id <> '{SampleCorpus.BauGB.Id}'");

        Assert.Empty(await web.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));
        Assert.NotEmpty(await web.SearchLexicalAsync(_analyzer.Query("Gemeinderat"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task Search_AfterMoreChangesThanTheLogKeeps_ReadsEverythingAgain()
    {
        await using var web = StoreFactory.Open(_directory.Path);
        await web.UpsertAsync(SampleCorpus.All, Ct);
        Assert.NotEmpty(await web.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));

        await using (var worker = StoreFactory.Open(_directory.Path))
        {
            await worker.DeleteDocumentsAsync([SampleCorpus.BauGB.Id], Ct);
        }

        // As if the log had been pruned past what this instance saw.
        Sql("DELETE FROM index_changes;");

        Assert.Empty(await web.SearchLexicalAsync(_analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));
        Assert.NotEmpty(await web.SearchLexicalAsync(_analyzer.Query("Gemeinderat"), SearchFilter.None, 10, Ct));
    }

    private async Task<List<(string Id, double Score)>> WriteSampleAndSearchAsync()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        return await SearchAsync(store);
    }

    private async Task<List<(string Id, double Score)>> SearchAsync(IKnowledgeStore store)
    {
        var hits = new List<(string, double)>();
        foreach (var question in new[] { "Außenbereich Vorhaben", "Gemeinderat Sitzung öffentlich", "Hundesteuer", "Bebauungsplan Innenentwicklung" })
        {
            hits.AddRange((await store.SearchLexicalAsync(_analyzer.Query(question), SearchFilter.None, 10, Ct)).Select(hit => (hit.Chunk.Id, hit.Score)));
        }

        return hits;
    }

    /// <summary>Makes the stored terms of the matching rows unreadable: an open that reads them fails.</summary>
    private void BreakStoredTerms(string where) => Sql($"UPDATE chunks SET terms = X'00' WHERE {where};");

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
