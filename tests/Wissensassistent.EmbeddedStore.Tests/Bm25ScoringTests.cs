using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// BM25 on three chunks small enough to compute by hand. Each text starts with its own label, a term no query uses:
/// c1 apfel birne (3 terms), c2 apfel apfel kirsche (4), c3 kirsche (2); N = 3, avgdl = 3.
/// apfel and kirsche each occur in 2 chunks: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6.
/// </summary>
public sealed class Bm25ScoringTests : IDisposable
{
    private static readonly double Idf = Math.Log(1.6);

    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SearchLexical_ScoresAsBm25WithDefaultParameters()
    {
        await using var store = await StoreWithThreeChunksAsync(k1: 1.2, b: 0.75);

        var hits = await store.SearchLexicalAsync(new LexicalQuery([new("apfel", 1.0), new("kirsche", 0.5)]), SearchFilter.None, 10, Ct);

        // K(dl) = k1 · (1 − b + b · dl / avgdl); tf part = tf · (k1 + 1) / (tf + K).
        // c2: K = 1.5; apfel 2 · 2.2 / 3.5, kirsche 0.5 · 1 · 2.2 / 2.5.  c1: K = 1.2; apfel 2.2 / 2.2 = 1.
        // c3: K = 0.9; kirsche 0.5 · 2.2 / 1.9.
        Assert.Equal(["c2", "c1", "c3"], hits.Select(hit => hit.Chunk.Text[..2]));
        Assert.Equal(Idf * (4.4 / 3.5 + 0.5 * 2.2 / 2.5), hits[0].Score, 6);
        Assert.Equal(Idf, hits[1].Score, 6);
        Assert.Equal(Idf * 0.5 * 2.2 / 1.9, hits[2].Score, 6);
    }

    [Fact]
    public async Task SearchLexical_UsesConfiguredParameters()
    {
        // b = 0 switches length normalisation off: K = k1 = 2 for every chunk.
        await using var store = await StoreWithThreeChunksAsync(k1: 2.0, b: 0.0);

        var hits = await store.SearchLexicalAsync(new LexicalQuery([new("apfel", 1.0)]), SearchFilter.None, 10, Ct);

        Assert.Equal(["c2", "c1"], hits.Select(hit => hit.Chunk.Text[..2]));
        Assert.Equal(Idf * 2 * 3 / 4, hits[0].Score, 6);
        Assert.Equal(Idf * 3 / 3, hits[1].Score, 6);
    }

    [Fact]
    public async Task SearchLexical_TitleFieldsFoldedUnderTheTextsLength_CountMoreInAShortChunk()
    {
        // Bm25TitleB unset: the title fields are folded under the text's length normalisation.
        await using var store = await StoreWithThreeChunksAsync(k1: 1.2, b: 0.75, foldTitles: true);

        var hits = await store.SearchLexicalAsync(new LexicalQuery([new("obstgesetz", 1.0)]), SearchFilter.None, 10, Ct);

        // Only the law's title holds the term, half an occurrence each: the two-term c3 (K = 0.9) beats the four-term c2 (K = 1.5).
        Assert.Equal(["c3", "c1", "c2"], hits.Select(hit => hit.Chunk.Text[..2]));
        Assert.True(hits[0].Score > hits[2].Score);
    }

    [Fact]
    public async Task SearchLexical_TitleFieldsWithTheirOwnLength_CountTheSameInEveryChunk()
    {
        // Bm25TitleB = 0: a title occurrence is divided by no length at all, as a BM25F field of its own.
        await using var store = await StoreWithThreeChunksAsync(k1: 1.2, b: 0.75, titleB: 0);

        var hits = await store.SearchLexicalAsync(new LexicalQuery([new("obstgesetz", 1.0)]), SearchFilter.None, 10, Ct);

        // Every chunk holds it: idf = ln(1 + 0.5 / 3.5); tf part = 0.5 · 2.2 / (0.5 + 1.2).
        var expected = Math.Log(1 + (0.5 / 3.5)) * 0.5 * 2.2 / 1.7;
        Assert.Equal(3, hits.Count);
        Assert.All(hits, hit => Assert.Equal(expected, hit.Score, 5));
    }

    private async Task<EmbeddedKnowledgeStore> StoreWithThreeChunksAsync(double k1, double b, double? titleB = 0.5, bool foldTitles = false)
    {
        var document = new SourceDocument
        {
            Id = "test/obst.md",
            Law = "ObstG",
            Title = "Obstgesetz",
            Level = Level.Bund,
            Type = DocumentType.Gesetz,
            ContentHash = "obst",
        };
        var store = StoreFactory.Open(_directory.Path, k1: k1, b: b, configure: options => options.Bm25TitleB = foldTitles ? null : titleB);
        await store.UpsertAsync([new DocumentBatch(document, [Chunk(document, 0, "c1 apfel birne"), Chunk(document, 1, "c2 apfel apfel kirsche"), Chunk(document, 2, "c3 kirsche")])], Ct);
        return store;
    }

    private static Chunk Chunk(SourceDocument document, int ordinal, string text) => new()
    {
        Id = "chunk-" + ordinal,
        DocumentId = document.Id,
        Citation = new Citation(document.Law, NormKind.Paragraph, (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        HeadingPath = [],
        Text = text,
        Ordinal = ordinal,
        LawTitle = document.Title,
        Level = document.Level,
        DocumentType = document.Type,
        ContentHash = "hash-" + ordinal,
    };
}
