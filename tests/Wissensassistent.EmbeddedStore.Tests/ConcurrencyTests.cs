using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private const int ChunksPerVersion = 20;

    private readonly TemporaryDirectory _directory = new();
    private readonly SimpleTextAnalyzer _analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SearchDuringWrites_AlwaysSeesOneWholeVersionOfADocument()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync([.. SampleCorpus.All, Version("alpha")], Ct);
        var query = _analyzer.Query("alpha beta");
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var writer = Task.Run(
            async () =>
            {
                for (var i = 0; i < 60; i++)
                {
                    await store.UpsertAsync([Version(i % 2 == 0 ? "beta" : "alpha")], Ct);
                }

                await writing.CancelAsync();
            },
            Ct);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(
            async () =>
            {
                var searches = 0;
                while (!writing.IsCancellationRequested)
                {
                    var hits = await store.SearchLexicalAsync(query, SearchFilter.None, 50, Ct);
                    Assert.Equal(ChunksPerVersion, hits.Count);
                    var versions = hits.Select(hit => hit.Chunk.Text.Split(' ')[0]).Distinct().ToList();
                    Assert.Single(versions);
                    Assert.Single(hits.Select(hit => hit.Score).Distinct());
                    searches++;
                }

                return searches;
            },
            Ct)).ToList();

        await writer;
        var searched = await Task.WhenAll(readers);

        Assert.All(searched, count => Assert.True(count > 0));
        Assert.Equal(new StoreStatistics(6, 5, 13, 18 + ChunksPerVersion, 0, null), await store.GetStatisticsAsync(Ct));
    }

    /// <summary>One document whose chunks all start with the version word; ids stay the same across versions.</summary>
    private static DocumentBatch Version(string word)
    {
        var document = new SourceDocument
        {
            Id = "bund/wechsel.md",
            Law = "WechselG",
            Title = "Wechselgesetz",
            Level = Level.Bund,
            Type = DocumentType.Gesetz,
            ContentHash = ChunkId.ContentHash(word),
        };
        return new DocumentBatch(document, [.. Enumerable.Range(0, ChunksPerVersion).Select(i => SampleCorpus.CreateChunk(
            document,
            SampleCorpus.Paragraph("WechselG", "1", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            i,
            $"{word} Absatz Nummer gleich lang",
            null,
            []))]);
    }
}
