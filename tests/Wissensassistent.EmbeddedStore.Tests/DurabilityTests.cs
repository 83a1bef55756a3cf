using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SimpleTextAnalyzer _analyzer = new();
    private readonly BagOfWordsEmbeddingGenerator _embeddings = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Reopen_KeepsDocumentsIndexAndEmbeddings()
    {
        var before = await WriteSampleCorpusAsync(embed: true);

        await using var reopened = StoreFactory.Open(_directory.Path);

        Assert.Equal(before, await reopened.GetStatisticsAsync(Ct));
        Assert.Empty(await reopened.GetChunksWithoutEmbeddingAsync(BagOfWordsEmbeddingGenerator.ModelId, 100, Ct));
        var expected = SampleCorpus.ChunkOf(SampleCorpus.GemOTeil2Batch, "24", "4");
        var lexical = await reopened.SearchLexicalAsync(_analyzer.Query("schriftliche Anfragen"), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Id, Assert.Single(lexical).Chunk.Id);
        var dense = await reopened.SearchDenseAsync(_embeddings.Embed(expected.SearchText), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Id, Assert.Single(dense).Chunk.Id);
    }

    [Fact]
    public async Task Upsert_FailingMidTransaction_LeavesPreviousContentComplete()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        var before = await store.GetStatisticsAsync(Ct);
        var changed = ChangedBauGB();

        // The second document reuses a chunk id of the GemO: the insert fails after BauGB was already rewritten.
        var stolen = SampleCorpus.GemOTeil1Batch.Chunks[0];
        var conflicting = SampleCorpus.Hundesteuersatzung with { Id = "kommune/konflikt.md" };
        var conflict = new DocumentBatch(conflicting, [stolen with { DocumentId = conflicting.Id }]);
        await Assert.ThrowsAsync<SqliteException>(() => store.UpsertAsync([changed, conflict], Ct));

        Assert.Equal(before, await store.GetStatisticsAsync(Ct));
        Assert.Equal(SampleCorpus.BauGB.ContentHash, (await store.GetDocumentHashesAsync(Ct))[SampleCorpus.BauGB.Id]);
        Assert.Empty(await store.SearchLexicalAsync(_analyzer.Query("geaendert"), SearchFilter.None, 10, Ct));
        Assert.Equal(3, (await store.GetNormAsync("BauGB", "35", Ct)).Count);
        Assert.Equal(SampleCorpus.GemOTeil1.Id, (await store.GetChunkAsync(stolen.Id, Ct))!.DocumentId);
    }

    [Fact]
    public async Task Upsert_Cancelled_WritesNothing()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpsertAsync([ChangedBauGB()], cancelled.Token));

        Assert.Empty(await store.SearchLexicalAsync(_analyzer.Query("geaendert"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task ProcessKilledWhileWriting_PreviousContentStaysCompleteAndSearchable()
    {
        var before = await WriteSampleCorpusAsync(embed: true);
        var wal = Path.Combine(_directory.Path, "wissen.db-wal");
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(typeof(InterruptedWriter).Assembly.Location);
        startInfo.Environment[InterruptedWriter.DatabaseVariable] = _directory.Path;

        long walBytesAtKill;
        using (var writer = Process.Start(startInfo)!)
        {
            var output = writer.StandardOutput.ReadToEndAsync(Ct);
            var errors = writer.StandardError.ReadToEndAsync(Ct);
            var waited = Stopwatch.StartNew();

            // Several megabytes in the WAL means the transaction is well under way, with far more still to come.
            while (!writer.HasExited && WalBytes(wal) < 8_000_000 && waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(10, Ct);
            }

            if (writer.HasExited)
            {
                Assert.Fail($"The writer ended before it could be killed: {await output} {await errors}");
            }


            walBytesAtKill = WalBytes(wal);
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(Ct);
            Assert.DoesNotContain("committed", await output, StringComparison.Ordinal);
        }

        Assert.True(walBytesAtKill >= 8_000_000, $"The writer had written only {walBytesAtKill} bytes when killed.");

        await using var reopened = StoreFactory.Open(_directory.Path);
        Assert.Equal(before, await reopened.GetStatisticsAsync(Ct));
        Assert.Equal(
            SampleCorpus.All.ToDictionary(batch => batch.Document.Id, batch => batch.Document.ContentHash),
            (await reopened.GetDocumentHashesAsync(Ct)).ToDictionary());
        Assert.Empty(await reopened.SearchLexicalAsync(_analyzer.Query(LargeDocument.MarkerTerm + " geaendert"), SearchFilter.None, 10, Ct));
        var expected = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "35", "1");
        var lexical = await reopened.SearchLexicalAsync(_analyzer.Query("forstwirtschaftlichen Betrieb"), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Text, Assert.Single(lexical).Chunk.Text);
        var dense = await reopened.SearchDenseAsync(_embeddings.Embed(expected.SearchText), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Id, Assert.Single(dense).Chunk.Id);
        Assert.Equal("ok", IntegrityCheck());
    }

    private static long WalBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static DocumentBatch ChangedBauGB() => new(
        SampleCorpus.BauGB with { ContentHash = ChunkId.ContentHash("changed") },
        [.. SampleCorpus.BauGBBatch.Chunks.Select(chunk => chunk with { Text = "geaendert " + chunk.Text })]);

    private async Task<StoreStatistics> WriteSampleCorpusAsync(bool embed)
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        if (embed)
        {
            var missing = await store.GetChunksWithoutEmbeddingAsync(BagOfWordsEmbeddingGenerator.ModelId, 100, Ct);
            await store.StoreEmbeddingsAsync(
                BagOfWordsEmbeddingGenerator.ModelId,
                [.. missing.Select(chunk => new ChunkEmbedding(chunk.Id, chunk.ContentHash, _embeddings.Embed(chunk.SearchText)))],
                Ct);
        }

        return await store.GetStatisticsAsync(Ct);
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "wissen.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
