using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Ingestion.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void ParsingTheSameBytesTwice_GivesIdenticalIdsAndHashes()
    {
        const string path = "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md";
        var bytes = Corpus.Read(path);
        var parser = new CorpusDocumentParser(LawCatalog.Load(Corpus.Root), new ChunkingOptions());

        var first = parser.Parse(path, bytes);
        var second = parser.Parse(path, [.. bytes]);

        Assert.Equal(first.Batch.Chunks.Select(c => (c.Id, c.ContentHash)), second.Batch.Chunks.Select(c => (c.Id, c.ContentHash)));
        Assert.Equal(first.Batch.Document.ContentHash, second.Batch.Document.ContentHash);
    }

    [Fact]
    public void ChunkIds_FollowTheContract_AndAreUniqueWithinADocument()
    {
        var parsed = Corpus.Parse("bund/bbaug.md");
        var chunks = parsed.Batch.Chunks;

        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        Assert.All(chunks, c => Assert.Equal(ChunkId.For(parsed.Batch.Document.Id, c.Citation, c.Ordinal), c.Id));
        Assert.All(chunks, c => Assert.Equal(ChunkId.ContentHash(c.SearchText), c.ContentHash));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void PathSpelling_DoesNotChangeTheDocumentId()
    {
        const string path = "kommune/GEM-BBO/BBO_Richtlinie_Bauernmarkt.md";
        var bytes = Corpus.Read(path);

        var slashes = Corpus.Parser.Parse(path, bytes);
        var backslashes = Corpus.Parser.Parse("./" + path.Replace('/', '\\'), bytes);

        Assert.Equal(slashes.Batch.Document.Id, backslashes.Batch.Document.Id);
        Assert.Equal(slashes.Batch.Chunks.Select(c => c.Id), backslashes.Batch.Chunks.Select(c => c.Id));
    }
}
