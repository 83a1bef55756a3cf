using System.Text.Json;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>Chunks kept in memory once read (<see cref="EmbeddedStoreOptions.LoadedChunks"/>) change nothing a caller sees.</summary>
public sealed class LoadedChunksTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SimpleTextAnalyzer _analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RepeatedSearchesAndLookups_EqualThoseOfAStoreThatReadsEveryHit()
    {
        await using var kept = StoreFactory.Open(_directory.Path);
        await kept.UpsertAsync(SampleCorpus.All, Ct);
        await using var reading = StoreFactory.Open(_directory.Path, configure: options => options.LoadedChunks = 0);
        var queries = new[] { "Vorhaben Außenbereich zulässig", "Gemeinderat Bürgermeister", "Hundesteuer Kampfhunde Euro", "Gemeinde" };

        for (var round = 0; round < 3; round++)
        {
            foreach (var query in queries)
            {
                var expected = await reading.SearchLexicalAsync(_analyzer.Query(query), SearchFilter.None, 50, Ct);
                var actual = await kept.SearchLexicalAsync(_analyzer.Query(query), SearchFilter.None, 50, Ct);
                Assert.Equal(Serialized(expected), Serialized(actual));
            }

            Assert.Equal(Serialized(await reading.GetNormAsync("GemO", "24", Ct)), Serialized(await kept.GetNormAsync("GemO", "24", Ct)));
            Assert.Equal(Serialized(await reading.GetNormAsync("BauGB", "35", Ct)), Serialized(await kept.GetNormAsync("BauGB", "35", Ct)));
        }
    }

    [Fact]
    public async Task SearchAndLookup_AfterADocumentChangedOnlyItsMetadata_ReturnTheNewMetadata()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        var query = _analyzer.Query("Vorhaben Außenbereich");
        await store.SearchLexicalAsync(query, SearchFilter.None, 10, Ct);
        await store.GetNormAsync("BauGB", "35", Ct);

        // Same texts, so the same content hashes: only the Stand and who may read the law change.
        var changed = SampleCorpus.BauGB with { Stand = "neu", AccessGroups = ["bauamt"] };
        await store.UpsertAsync([new DocumentBatch(changed, [.. SampleCorpus.BauGBBatch.Chunks.Select(chunk => chunk with { Stand = "neu", AccessGroups = ["bauamt"] })])], Ct);

        var hits = await store.SearchLexicalAsync(query, new SearchFilter { Access = DocumentAccess.ForGroups(["bauamt"]) }, 10, Ct);
        var norm = await store.GetNormAsync("BauGB", "35", Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits.Where(hit => hit.Chunk.Citation.Law == "BauGB"), hit => Assert.Equal(("neu", "bauamt"), (hit.Chunk.Stand, Assert.Single(hit.Chunk.AccessGroups))));
        Assert.Equal(3, norm.Count);
        Assert.All(norm, chunk => Assert.Equal(("neu", "bauamt"), (chunk.Stand, Assert.Single(chunk.AccessGroups))));
    }

    [Fact]
    public async Task Lookup_WhileAnotherStoreChangedTheDocument_ReturnsTheNewAccess()
    {
        await using var reader = StoreFactory.Open(_directory.Path);
        await reader.UpsertAsync(SampleCorpus.All, Ct);
        await reader.GetNormAsync("BauGB", "35", Ct);
        await using var writer = StoreFactory.Open(_directory.Path);

        await writer.UpsertAsync([new DocumentBatch(SampleCorpus.BauGB with { AccessGroups = ["bauamt"] }, [.. SampleCorpus.BauGBBatch.Chunks.Select(chunk => chunk with { AccessGroups = ["bauamt"] })])], Ct);
        var norm = await reader.GetNormAsync("BauGB", "35", Ct);

        Assert.All(norm, chunk => Assert.Equal("bauamt", Assert.Single(chunk.AccessGroups)));
    }

    private static string Serialized(IReadOnlyList<ScoredChunk> hits) => JsonSerializer.Serialize(hits.Select(hit => new { hit.Score, Chunk = Serialized(hit.Chunk) }));

    private static string Serialized(IReadOnlyList<Chunk> chunks) => JsonSerializer.Serialize(chunks.Select(Serialized));

    /// <summary>Every field of the chunk (its citation's <c>Norm</c> refers to itself, so the record is not serialised as it is).</summary>
    private static string Serialized(Chunk chunk) => JsonSerializer.Serialize(new
    {
        chunk.Id,
        chunk.DocumentId,
        chunk.Citation.Law,
        chunk.Citation.Kind,
        chunk.Citation.Section,
        chunk.Citation.Absatz,
        chunk.Citation.Satz,
        chunk.Citation.Nummer,
        chunk.Citation.Buchstabe,
        chunk.HeadingPath,
        chunk.NormTitle,
        chunk.Text,
        chunk.Ordinal,
        chunk.Part,
        chunk.IsRepealed,
        chunk.LawTitle,
        chunk.Level,
        chunk.DocumentType,
        chunk.Stand,
        chunk.ValidFrom,
        chunk.ValidUntil,
        References = chunk.References.Select(reference => new { reference.Start, reference.Length, reference.Basis, Target = reference.Target.ToString() }),
        chunk.AccessGroups,
        chunk.ContentHash,
    });
}
