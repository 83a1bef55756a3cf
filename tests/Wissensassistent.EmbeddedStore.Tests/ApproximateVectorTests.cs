using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// Dense search through the HNSW index above <see cref="EmbeddedStoreOptions.ApproximateVectorsFrom"/> (set low here):
/// it is built and kept beside the generation's file, finds what the exact scan finds, enforces filters and permissions
/// inside the search, covers vectors stored after the build, and a damaged or outdated file is replaced.
/// </summary>
public sealed class ApproximateVectorTests : IDisposable
{
    private const string Model = "test-random-32";
    private const int Dimension = 32;

    private readonly TemporaryDirectory _directory = new();
    private readonly CapturingLoggerProvider _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _directory.Dispose();
        _log.Dispose();
    }

    private EmbeddedKnowledgeStore Open(string directory, int approximateVectorsFrom) =>
        StoreFactory.Open(directory, approximateVectorsFrom: approximateVectorsFrom, logger: new Logger<EmbeddedKnowledgeStore>(new LoggerFactory([_log])));

    private string Logged => string.Join(Environment.NewLine, _log.Entries.Select(entry => entry.All));

    [Fact]
    public async Task SearchDense_AboveThreshold_GoesThroughAnIndexKeptBesideTheFile()
    {
        await using (var below = StoreFactory.Open(Path.Combine(_directory.Path, "klein"), approximateVectorsFrom: 2_000))
        {
            await FillAsync(below, RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 1));
            var small = await below.WaitForApproximateVectorsAsync(Ct);
            Assert.False(small.Active);
            Assert.False(File.Exists(below.DatabasePath + ".vectors"));
        }

        await using var store = Open(_directory.Path, 500);
        await FillAsync(store, RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 1));

        var status = await store.WaitForApproximateVectorsAsync(Ct);

        Assert.True(status.Active, Logged);
        Assert.Equal(1_000, status.IndexedVectors);
        Assert.Equal(0, status.ScannedVectors);
        Assert.True(new FileInfo(store.DatabasePath + ".vectors").Length > 1_000 * Dimension * 2);
    }

    [Fact]
    public async Task SearchDense_ThroughIndex_RecallAt10AgainstExactSearch_AtLeast98Percent()
    {
        await using var store = Open(_directory.Path, 1_000);
        var corpus = RandomCorpus(documents: 50, chunksPerDocument: 100, seed: 2);
        await FillAsync(store, corpus);
        Assert.True((await store.WaitForApproximateVectorsAsync(Ct)).Active);

        var random = new Random(3);
        var recall = 0.0;
        const int Queries = 100;
        for (var q = 0; q < Queries; q++)
        {
            var query = RandomVector(random);
            var exact = (await store.SearchDenseExactAsync(query, SearchFilter.None, 10, Ct)).Select(hit => hit.Chunk.Id).ToHashSet();
            var approximate = await store.SearchDenseAsync(query, SearchFilter.None, 10, Ct);
            Assert.Equal(10, approximate.Count);
            recall += approximate.Count(hit => exact.Contains(hit.Chunk.Id)) / 10.0;
        }

        Assert.True(recall / Queries >= 0.98, $"Recall@10 {recall / Queries:0.000}");
    }

    [Fact]
    public async Task SearchDense_VectorsStoredAfterTheBuild_AreFound()
    {
        await using var store = Open(_directory.Path, 1_000);
        await FillAsync(store, RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 4));
        Assert.Equal(1_000, (await store.WaitForApproximateVectorsAsync(Ct)).IndexedVectors);

        var later = RandomCorpus(documents: 1, chunksPerDocument: 60, seed: 5, prefix: "spaeter");
        await FillAsync(store, later);
        var status = await store.WaitForApproximateVectorsAsync(Ct);

        Assert.True(status.Active);
        Assert.Equal(1_000, status.IndexedVectors);
        Assert.Equal(60, status.ScannedVectors);
        foreach (var (chunk, vector) in later.Vectors.Take(10))
        {
            Assert.Equal(chunk.Id, (await store.SearchDenseAsync(vector, SearchFilter.None, 5, Ct))[0].Chunk.Id);
        }
    }

    [Fact]
    public async Task SearchDense_ThroughIndex_EnforcesPermissionsAndFiltersInsideTheSearch()
    {
        await using var store = Open(_directory.Path, 500);
        var corpus = RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 6, restrictEvery: 2);
        await FillAsync(store, corpus);
        Assert.True((await store.WaitForApproximateVectorsAsync(Ct)).Active);
        var anna = DocumentAccess.ForGroups(["personalamt"]);

        var filters = new[]
        {
            SearchFilter.None,
            SearchFilter.None with { Access = anna },
            new SearchFilter { Laws = ["Satzung 1", "Satzung 3", "Satzung 5"], Access = anna },
            new SearchFilter { Laws = ["Satzung 2"] },
            new SearchFilter { Laws = ["Satzung 2"], Access = anna },
            SearchFilter.None with { Levels = [Level.Kommune] },
        };
        foreach (var (restricted, vector) in corpus.Vectors.Where(entry => entry.Chunk.AccessGroups.Count > 0).Take(5))
        {
            foreach (var filter in filters)
            {
                var approximate = await store.SearchDenseAsync(vector, filter, 10, Ct);
                var exact = await store.SearchDenseExactAsync(vector, filter, 10, Ct);

                // A full list of exactly the allowed nearest chunks: the filter took part in the search, not after it.
                Assert.Equal(exact.Select(hit => hit.Chunk.Id), approximate.Select(hit => hit.Chunk.Id));
                Assert.All(approximate, hit => Assert.True(filter.Access.Permits(hit.Chunk.AccessGroups)));
                Assert.All(approximate, hit => Assert.True(filter.Laws.Count == 0 || filter.Laws.Contains(hit.Chunk.Citation.Law)));
            }

            Assert.Equal(10, (await store.SearchDenseAsync(vector, SearchFilter.None, 10, Ct)).Count);
            Assert.DoesNotContain(await store.SearchDenseAsync(vector, SearchFilter.None, 10, Ct), hit => hit.Chunk.AccessGroups.Count > 0);
            Assert.Equal(restricted.Id, (await store.SearchDenseAsync(vector, SearchFilter.None with { Access = anna }, 10, Ct))[0].Chunk.Id);
        }
    }

    [Theory]
    [InlineData("footer")]
    [InlineData("truncated")]
    [InlineData("graph")]
    public async Task Open_DamagedIndexFile_IsBuiltAgain(string damage)
    {
        var corpus = RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 7);
        string path;
        await using (var store = Open(_directory.Path, 500))
        {
            await FillAsync(store, corpus);
            Assert.True((await store.WaitForApproximateVectorsAsync(Ct)).Active);
            path = store.DatabasePath + ".vectors";
        }

        Damage(path, damage);

        await using (var reopened = Open(_directory.Path, 500))
        {
            var (chunk, vector) = corpus.Vectors[123];
            Assert.Equal(chunk.Id, (await reopened.SearchDenseAsync(vector, SearchFilter.None, 10, Ct))[0].Chunk.Id);
            var status = await reopened.WaitForApproximateVectorsAsync(Ct);
            Assert.True(status.Active);
            Assert.Equal(1_000, status.IndexedVectors);
            Assert.Equal(chunk.Id, (await reopened.SearchDenseAsync(vector, SearchFilter.None, 10, Ct))[0].Chunk.Id);
        }

        // The rebuilt file opens as it is: a third start builds nothing.
        await using var third = Open(_directory.Path, 500);
        Assert.Equal(corpus.Vectors[5].Chunk.Id, (await third.SearchDenseAsync(corpus.Vectors[5].Vector, SearchFilter.None, 10, Ct))[0].Chunk.Id);
        Assert.True((await third.WaitForApproximateVectorsAsync(Ct)).Active);
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.vectors.tmp-*"));
    }

    [Fact]
    public async Task Open_IndexFileCoveringFewVectors_IsBuiltAgainOverAll()
    {
        await using (var store = Open(_directory.Path, 500))
        {
            await FillAsync(store, RandomCorpus(documents: 10, chunksPerDocument: 50, seed: 8));
            Assert.Equal(500, (await store.WaitForApproximateVectorsAsync(Ct)).IndexedVectors);
        }

        // Another writer (no index of its own) triples the vectors.
        await using (var writer = Open(_directory.Path, int.MaxValue))
        {
            await FillAsync(writer, RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 9, prefix: "mehr"));
        }

        await using var reopened = Open(_directory.Path, 500);
        await reopened.SearchDenseAsync(RandomVector(new Random(10)), SearchFilter.None, 10, Ct);
        var status = await reopened.WaitForApproximateVectorsAsync(Ct);

        Assert.Equal(1_500, status.IndexedVectors);
        Assert.Equal(0, status.ScannedVectors);
    }

    [Fact]
    public async Task Open_LeftoverOfAnInterruptedWrite_IsRemovedAndTheIndexServes()
    {
        var corpus = RandomCorpus(documents: 20, chunksPerDocument: 50, seed: 11);
        string path;
        await using (var store = Open(_directory.Path, 500))
        {
            await FillAsync(store, corpus);
            Assert.True((await store.WaitForApproximateVectorsAsync(Ct)).Active);
            path = store.DatabasePath + ".vectors";
        }

        await File.WriteAllBytesAsync(path + ".tmp-1-abc", new byte[100], Ct);

        await using var reopened = Open(_directory.Path, 500);
        Assert.Equal(corpus.Vectors[0].Chunk.Id, (await reopened.SearchDenseAsync(corpus.Vectors[0].Vector, SearchFilter.None, 1, Ct))[0].Chunk.Id);
        Assert.True((await reopened.WaitForApproximateVectorsAsync(Ct)).Active);
        Assert.False(File.Exists(path + ".tmp-1-abc"));
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "footer":
                bytes[^100] ^= 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            default:
                // The graph's own header: USearch must refuse it rather than read garbage.
                Array.Clear(bytes, 0, 64);
                File.WriteAllBytes(path, bytes);
                break;
        }
    }

    private static async Task FillAsync(IKnowledgeStore store, RandomCorpusData corpus)
    {
        await store.UpsertAsync(corpus.Batches, Ct);
        foreach (var batch in corpus.Vectors.Chunk(256))
        {
            await store.StoreEmbeddingsAsync(Model, [.. batch.Select(entry => new ChunkEmbedding(entry.Chunk.Id, entry.Chunk.ContentHash, entry.Vector))], Ct);
        }
    }

    /// <summary>Documents of one law each (<c>Satzung d</c>), every <paramref name="restrictEvery"/>-th restricted to the Personalamt; random unit vectors.</summary>
    private static RandomCorpusData RandomCorpus(int documents, int chunksPerDocument, int seed, string prefix = "satzung", int restrictEvery = 0)
    {
        var random = new Random(seed);
        var batches = new List<DocumentBatch>();
        var vectors = new List<(Chunk, float[])>();
        for (var d = 0; d < documents; d++)
        {
            var law = prefix == "satzung" ? $"Satzung {d}" : $"{prefix} {d}";
            var document = new SourceDocument
            {
                Id = $"kommune/{prefix}-{d}.md",
                Law = law,
                Title = law,
                Level = d % 3 == 0 ? Level.Kommune : Level.Land,
                Type = DocumentType.Satzung,
                AccessGroups = restrictEvery > 0 && d % restrictEvery == 1 ? ["Personalamt"] : [],
                ContentHash = ChunkId.ContentHash($"{prefix}-{d}"),
            };
            var chunks = new List<Chunk>();
            for (var c = 0; c < chunksPerDocument; c++)
            {
                var chunk = SampleCorpus.CreateChunk(document, new Citation(law, NormKind.Paragraph, (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), null), c, $"Text {prefix} {d} {c}", null, []);
                chunks.Add(chunk);
                vectors.Add((chunk, RandomVector(random)));
            }

            batches.Add(new DocumentBatch(document, chunks));
        }

        return new RandomCorpusData(batches, vectors);
    }

    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            vector[i] = (float)random.NextDouble() - 0.5f;
        }

        return vector;
    }

    private sealed record RandomCorpusData(IReadOnlyList<DocumentBatch> Batches, IReadOnlyList<(Chunk Chunk, float[] Vector)> Vectors);
}
