using System.Globalization;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// The lexical top k skips chunks that cannot enter it (MaxScore). Asking for more hits than match prunes nothing, so the
/// top k must be exactly the first k of that full list: the same chunks, in the same order, with bit-identical scores.
/// </summary>
public sealed class TopKPruningTests : IDisposable
{
    private static readonly string[] Words = [.. Enumerable.Range(0, 40).Select(i => "wort" + i.ToString(CultureInfo.InvariantCulture))];

    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(6, 150)]
    [InlineData(60, 40)] // Long postings: skipping ahead in them leaps far, not only to the next posting or two.
    public async Task TopK_IsThePrefixOfTheUnprunedRanking_ForRandomQueries(int documents, int rounds)
    {
        var random = new Random(4711);
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync([.. Enumerable.Range(0, documents).Select(d => Document(d, random))], Ct);

        for (var round = 0; round < rounds; round++)
        {
            var terms = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => new WeightedTerm(Words[Skewed(random)], random.Next(4) == 0 ? 0.3 : 1 + random.Next(3)))
                .DistinctBy(term => term.Term)
                .ToList();
            var query = new LexicalQuery(terms);
            var filter = random.Next(3) == 0 ? new SearchFilter { IncludeRepealed = true } : SearchFilter.None;
            var all = await store.SearchLexicalAsync(query, filter, 10_000, Ct);

            foreach (var top in new[] { 1, 3, 10, 50 })
            {
                var pruned = await store.SearchLexicalAsync(query, filter, top, Ct);
                Assert.Equal(all.Take(top).Select(hit => (hit.Chunk.Id, hit.Score)), pruned.Select(hit => (hit.Chunk.Id, hit.Score)));
            }
        }
    }

    /// <summary>
    /// The working arrays of a search are kept for the next one (the top list, which list holds the chunk being scored):
    /// whatever a search before left in them, a search returns what a store that ran no search before returns.
    /// </summary>
    [Fact]
    public async Task Search_AfterOtherSearches_EqualsTheSameSearchInAStoreThatSearchedNothingBefore()
    {
        var random = new Random(815);
        await using (var writer = StoreFactory.Open(_directory.Path))
        {
            await writer.UpsertAsync([.. Enumerable.Range(0, 30).Select(d => Document(d, random))], Ct);
        }

        var queries = Enumerable.Range(0, 12)
            .Select(_ => new LexicalQuery([.. Enumerable.Range(0, random.Next(2, 8)).Select(_ => new WeightedTerm(Words[Skewed(random)], 1 + random.Next(3))).DistinctBy(term => term.Term)]))
            .ToList();
        var tops = new[] { 40, 3, 200, 1, 10 };
        await using var used = StoreFactory.Open(_directory.Path);
        for (var q = 0; q < queries.Count; q++)
        {
            var top = tops[q % tops.Length];
            var after = await used.SearchLexicalAsync(queries[q], SearchFilter.None, top, Ct);
            await using var unused = StoreFactory.Open(_directory.Path);
            var first = await unused.SearchLexicalAsync(queries[q], SearchFilter.None, top, Ct);
            Assert.Equal(first.Select(hit => (hit.Chunk.Id, hit.Score)), after.Select(hit => (hit.Chunk.Id, hit.Score)));
        }
    }

    /// <summary>Low word numbers are common, high ones rare, like words in text; every fifth text repeats an earlier one (equal scores).</summary>
    private static DocumentBatch Document(int number, Random random)
    {
        var id = "test/dokument-" + number.ToString(CultureInfo.InvariantCulture) + ".md";
        var law = "TG" + number.ToString(CultureInfo.InvariantCulture);
        var document = new SourceDocument
        {
            Id = id,
            Law = law,
            Title = "Testgesetz " + number.ToString(CultureInfo.InvariantCulture),
            Level = Level.Bund,
            Type = DocumentType.Gesetz,
            ContentHash = ChunkId.ContentHash(id),
        };
        var texts = new List<string>();
        var chunks = new List<Chunk>();
        for (var i = 0; i < 80; i++)
        {
            var text = i % 5 == 4
                ? texts[random.Next(texts.Count)]
                : string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => Words[Skewed(random)]));
            texts.Add(text);
            var section = (i + 1).ToString(CultureInfo.InvariantCulture);
            chunks.Add(SampleCorpus.CreateChunk(document, SampleCorpus.Paragraph(law, section), i, text, null, ["Testgesetz"], isRepealed: i % 17 == 16));
        }

        return new DocumentBatch(document, chunks);
    }

    private static int Skewed(Random random) => (int)(Words.Length * Math.Pow(random.NextDouble(), 2.5));
}
