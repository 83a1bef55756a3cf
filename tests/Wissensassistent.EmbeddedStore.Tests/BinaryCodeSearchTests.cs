using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// Dense search through binary codes above <see cref="EmbeddedStoreOptions.ApproximateVectorsFrom"/> (set low here):
/// it finds what scoring every vector finds, enforces filters and permissions inside the search, and covers vectors
/// stored after the codes were first built, by this store or by another process.
/// </summary>
public sealed class BinaryCodeSearchTests : IDisposable
{
    private const string Model = "test-clustered";

    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SearchDense_FromTheThreshold_GoesThroughBinaryCodes()
    {
        var corpus = Corpus(documents: 10, chunksPerDocument: 50, dimension: 32, seed: 1);
        await using (var below = StoreFactory.Open(Path.Combine(_directory.Path, "klein"), approximateVectorsFrom: 501))
        {
            await FillAsync(below, corpus);
            Assert.Equal(new DenseSearchStatus(500, BinaryCodes: false), await below.GetDenseSearchStatusAsync(Ct));
        }

        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        await FillAsync(store, corpus);

        Assert.Equal(new DenseSearchStatus(500, BinaryCodes: true), await store.GetDenseSearchStatusAsync(Ct));
        var (chunk, vector) = corpus.Vectors[77];
        Assert.Equal(chunk.Id, (await store.SearchDenseAsync(vector, SearchFilter.None, 10, Ct))[0].Chunk.Id);
    }

    [Fact]
    public async Task SearchDense_ThroughCodes_RecallAt10AgainstScoringEveryVector_AtLeast98Percent()
    {
        // 30 000 clustered vectors: each pass keeps fewer rows than it sees, so the cut is what is measured.
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 1_000);
        var corpus = Corpus(documents: 60, chunksPerDocument: 500, dimension: 128, seed: 2);
        await FillAsync(store, corpus);
        Assert.True((await store.GetDenseSearchStatusAsync(Ct)).BinaryCodes);

        var random = new Random(3);
        var recall = 0.0;
        const int Queries = 100;
        for (var q = 0; q < Queries; q++)
        {
            var query = Near(corpus.Centres[random.Next(corpus.Centres.Count)], random, noise: 1.0f);
            var exact = (await store.SearchDenseExactAsync(query, SearchFilter.None, 10, Ct)).Select(hit => hit.Chunk.Id).ToHashSet();
            var found = await store.SearchDenseAsync(query, SearchFilter.None, 10, Ct);
            Assert.Equal(10, found.Count);
            recall += found.Count(hit => exact.Contains(hit.Chunk.Id)) / 10.0;
        }

        Assert.True(recall / Queries >= 0.98, $"Recall@10 {recall / Queries:0.000}");
    }

    [Fact]
    public async Task SearchDense_VectorsStoredLater_AreFound_ByThisStoreAndAfterAnotherProcessWrote()
    {
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        await FillAsync(store, Corpus(documents: 10, chunksPerDocument: 50, dimension: 32, seed: 4));
        var later = Corpus(documents: 1, chunksPerDocument: 60, dimension: 32, seed: 5, prefix: "spaeter");
        await FillAsync(store, later);
        await using (var other = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500))
        {
            await FillAsync(other, Corpus(documents: 1, chunksPerDocument: 60, dimension: 32, seed: 6, prefix: "anderswo"));
        }

        var elsewhere = Corpus(documents: 1, chunksPerDocument: 60, dimension: 32, seed: 6, prefix: "anderswo");
        foreach (var (chunk, vector) in later.Vectors.Take(10).Concat(elsewhere.Vectors.Take(10)))
        {
            Assert.Equal(chunk.Id, (await store.SearchDenseAsync(vector, SearchFilter.None, 5, Ct))[0].Chunk.Id);
        }

        Assert.Equal(new DenseSearchStatus(620, BinaryCodes: true), await store.GetDenseSearchStatusAsync(Ct));
    }

    [Fact]
    public async Task SearchDense_ThroughCodes_EnforcesPermissionsAndFiltersInsideTheSearch()
    {
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        var corpus = Corpus(documents: 20, chunksPerDocument: 50, dimension: 32, seed: 7, restrictEvery: 2);
        await FillAsync(store, corpus);
        Assert.True((await store.GetDenseSearchStatusAsync(Ct)).BinaryCodes);
        var anna = DocumentAccess.ForGroups(["personalamt"]);
        var filters = new[]
        {
            SearchFilter.None,
            SearchFilter.None with { Access = anna },
            new SearchFilter { Laws = ["Satzung 1", "Satzung 3", "Satzung 4"], Access = anna },
            new SearchFilter { Laws = ["Satzung 2"] },
            new SearchFilter { Laws = ["Satzung 1"] },
            SearchFilter.None with { Levels = [Level.Kommune] },
        };

        foreach (var (restricted, vector) in corpus.Vectors.Where(entry => entry.Chunk.AccessGroups.Count > 0).Take(5))
        {
            foreach (var filter in filters)
            {
                var found = await store.SearchDenseAsync(vector, filter, 10, Ct);
                var exact = await store.SearchDenseExactAsync(vector, filter, 10, Ct);

                // A full list of exactly the allowed nearest chunks: the filter took part in the search, not after it.
                Assert.Equal(exact.Select(hit => hit.Chunk.Id), found.Select(hit => hit.Chunk.Id));
                Assert.All(found, hit => Assert.True(filter.Access.Permits(hit.Chunk.AccessGroups)));
                Assert.All(found, hit => Assert.True(filter.Laws.Count == 0 || filter.Laws.Contains(hit.Chunk.Citation.Law)));
            }

            var anonymous = await store.SearchDenseAsync(vector, SearchFilter.None, 10, Ct);
            Assert.Equal(10, anonymous.Count);
            Assert.DoesNotContain(anonymous, hit => hit.Chunk.AccessGroups.Count > 0);
            Assert.Empty(await store.SearchDenseAsync(vector, new SearchFilter { Laws = [restricted.Citation.Law] }, 10, Ct));
            Assert.Equal(restricted.Id, (await store.SearchDenseAsync(vector, SearchFilter.None with { Access = anna }, 10, Ct))[0].Chunk.Id);
        }
    }

    [Fact]
    public async Task SearchDense_ThroughCodes_AfterTextsChanged_ReturnsExactlyWhatScoringEveryVectorReturns()
    {
        // Changed texts leave their old vectors' rows behind without a chunk; they must neither come back nor count.
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        var before = Corpus(documents: 12, chunksPerDocument: 60, dimension: 48, seed: 10);
        await FillAsync(store, before);
        var after = Corpus(documents: 12, chunksPerDocument: 60, dimension: 48, seed: 11, textVariant: " geändert");
        var changed = after.Batches.Where((_, d) => d % 2 == 0).ToList();
        var changedLaws = changed.Select(batch => batch.Document.Law).ToHashSet();
        await FillAsync(store, new ClusteredCorpus(changed, [.. after.Vectors.Where(entry => changedLaws.Contains(entry.Chunk.Citation.Law))], after.Centres));
        Assert.True((await store.GetDenseSearchStatusAsync(Ct)).BinaryCodes);

        var random = new Random(12);
        var queries = before.Vectors.Take(20).Select(entry => entry.Vector).Concat(Enumerable.Range(0, 20).Select(_ => Near(before.Centres[random.Next(before.Centres.Count)], random, noise: 1.0f)));
        foreach (var query in queries)
        {
            var found = await store.SearchDenseAsync(query, SearchFilter.None, 10, Ct);
            var exact = await store.SearchDenseExactAsync(query, SearchFilter.None, 10, Ct);

            Assert.Equal(10, found.Count);
            Assert.Equal(exact.Select(hit => (hit.Chunk.Id, hit.Chunk.ContentHash, hit.Score)), found.Select(hit => (hit.Chunk.Id, hit.Chunk.ContentHash, hit.Score)));
        }
    }

    [Fact]
    public async Task SearchDense_ThroughCodes_LeavesRepealedPassagesOut_UnlessAsked()
    {
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        var corpus = Corpus(documents: 10, chunksPerDocument: 60, dimension: 32, seed: 13);
        var repealedLaw = corpus.Batches[3].Document.Law;
        var batches = corpus.Batches.Select(batch => batch.Document.Law == repealedLaw ? batch with { Chunks = [.. batch.Chunks.Select(chunk => chunk with { IsRepealed = true })] } : batch).ToList();
        await FillAsync(store, corpus with { Batches = batches });
        Assert.True((await store.GetDenseSearchStatusAsync(Ct)).BinaryCodes);

        foreach (var (chunk, vector) in corpus.Vectors.Where(entry => entry.Chunk.Citation.Law == repealedLaw).Take(5))
        {
            var found = await store.SearchDenseAsync(vector, SearchFilter.None, 10, Ct);
            Assert.Equal((await store.SearchDenseExactAsync(vector, SearchFilter.None, 10, Ct)).Select(hit => hit.Chunk.Id), found.Select(hit => hit.Chunk.Id));
            Assert.Equal(10, found.Count);
            Assert.DoesNotContain(found, hit => hit.Chunk.Citation.Law == repealedLaw);
            Assert.Equal(chunk.Id, (await store.SearchDenseAsync(vector, SearchFilter.None with { IncludeRepealed = true }, 10, Ct))[0].Chunk.Id);
        }
    }

    [Fact]
    public async Task SearchDense_ThroughCodesAndExact_ScoresAreTheCosinesOfTheStoredVectors()
    {
        // Vectors are held in half precision; what a search returns must still be the cosine of what was stored.
        await using var store = StoreFactory.Open(_directory.Path, approximateVectorsFrom: 500);
        var corpus = Corpus(documents: 10, chunksPerDocument: 60, dimension: 384, seed: 8);
        await FillAsync(store, corpus);
        var stored = corpus.Vectors.ToDictionary(entry => entry.Chunk.Id, entry => entry.Vector);
        var random = new Random(9);
        for (var q = 0; q < 10; q++)
        {
            var query = Near(corpus.Centres[random.Next(corpus.Centres.Count)], random, noise: 1.0f);
            foreach (var hits in new[] { await store.SearchDenseAsync(query, SearchFilter.None, 10, Ct), await store.SearchDenseExactAsync(query, SearchFilter.None, 10, Ct) })
            {
                Assert.Equal(10, hits.Count);
                Assert.All(hits, hit => Assert.Equal(Cosine(query, stored[hit.Chunk.Id]), hit.Score, 0.001));
            }
        }
    }

    private static double Cosine(float[] a, float[] b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    private static async Task FillAsync(IKnowledgeStore store, ClusteredCorpus corpus)
    {
        await store.UpsertAsync(corpus.Batches, Ct);
        foreach (var batch in corpus.Vectors.Chunk(1_000))
        {
            await store.StoreEmbeddingsAsync(Model, [.. batch.Select(entry => new ChunkEmbedding(entry.Chunk.Id, entry.Chunk.ContentHash, entry.Vector))], Ct);
        }
    }

    /// <summary>
    /// Documents of one law each (<c>Satzung d</c>), every <paramref name="restrictEvery"/>-th restricted to the
    /// Personalamt; vectors around 50 random centres, as texts on a few topics would be.
    /// </summary>
    private static ClusteredCorpus Corpus(int documents, int chunksPerDocument, int dimension, int seed, string prefix = "satzung", int restrictEvery = 0, string textVariant = "")
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 50).Select(_ => Near(new float[dimension], random, noise: 1.0f)).ToList();
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
                ContentHash = ChunkId.ContentHash($"{prefix}-{d}{textVariant}"),
            };
            var chunks = new List<Chunk>();
            for (var c = 0; c < chunksPerDocument; c++)
            {
                var section = (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var chunk = SampleCorpus.CreateChunk(document, new Citation(law, NormKind.Paragraph, section, null), c, $"Text {prefix} {d} {c}{textVariant}", null, []);
                chunks.Add(chunk);
                vectors.Add((chunk, Near(centres[random.Next(centres.Count)], random, noise: 0.5f)));
            }

            batches.Add(new DocumentBatch(document, chunks));
        }

        return new ClusteredCorpus(batches, vectors, centres);
    }

    private static float[] Near(float[] centre, Random random, float noise)
    {
        var vector = new float[centre.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = centre[i] + (((float)random.NextDouble() - 0.5f) * noise);
        }

        return vector;
    }

    private sealed record ClusteredCorpus(IReadOnlyList<DocumentBatch> Batches, IReadOnlyList<(Chunk Chunk, float[] Vector)> Vectors, IReadOnlyList<float[]> Centres);
}
