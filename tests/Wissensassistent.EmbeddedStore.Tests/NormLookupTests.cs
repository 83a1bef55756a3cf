using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>A norm lookup reads which documents hold a law once per state of the file; another writer's change is seen at once.</summary>
public sealed class NormLookupTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetNorm_SeesDocumentsAnotherInstanceAddedOrDeleted()
    {
        await using var reader = StoreFactory.Open(_directory.Path);
        await reader.UpsertAsync(SampleCorpus.All, Ct);
        Assert.Equal(3, (await reader.GetNormAsync("BauGB", "35", Ct)).Count);

        await using (var writer = StoreFactory.Open(_directory.Path))
        {
            await writer.UpsertAsync([Amendment()], Ct);
        }

        var withAlias = await reader.GetNormAsync("baugb", "35", Ct);
        Assert.Equal(4, withAlias.Count);
        Assert.Contains(withAlias, chunk => chunk.DocumentId == "bund/baugb-novelle.md");

        await using (var writer = StoreFactory.Open(_directory.Path))
        {
            await writer.DeleteDocumentsAsync([SampleCorpus.BauGBBatch.Document.Id, "bund/baugb-novelle.md"], Ct);
        }

        Assert.Empty(await reader.GetNormAsync("BauGB", "35", Ct));
        Assert.Empty(await reader.ListNormsAsync("BauGB", Ct));
    }

    /// <summary>A document of another law that names BauGB as its alias, with a § 35 of its own.</summary>
    private static DocumentBatch Amendment()
    {
        var document = new SourceDocument
        {
            Id = "bund/baugb-novelle.md",
            Law = "BauGBNov",
            Aliases = ["BauGB"],
            Title = "Novelle des Baugesetzbuchs",
            Level = Level.Bund,
            Type = DocumentType.Gesetz,
            ContentHash = ChunkId.ContentHash("novelle"),
        };
        return new DocumentBatch(document, [SampleCorpus.CreateChunk(document, SampleCorpus.Paragraph("BauGBNov", "35"), 0, "Außenbereich neu gefasst", null, ["Novelle"])]);
    }
}
