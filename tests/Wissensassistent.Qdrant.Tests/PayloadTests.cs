using Qdrant.Client.Grpc;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;

namespace Wissensassistent.Qdrant.Tests;

public sealed class PayloadTests
{
    [Fact]
    public void Chunk_RoundTripsThroughPayload_WithEveryField()
    {
        var citation = new Citation("BauGB", NormKind.Paragraph, "35", "1", 2, "4", "a");
        var chunk = new Chunk
        {
            Id = ChunkId.For("bund/baugb.md", citation, 7),
            DocumentId = "bund/baugb.md",
            Citation = citation,
            HeadingPath = ["BauGB", "Erstes Kapitel", "§ 35 Bauen im Außenbereich"],
            NormTitle = "Bauen im Außenbereich",
            Text = "Im Außenbereich ist ein Vorhaben nur zulässig, wenn …",
            Ordinal = 7,
            Part = 1,
            IsRepealed = true,
            LawTitle = "Baugesetzbuch",
            Level = Level.Bund,
            DocumentType = DocumentType.Gesetz,
            Stand = "Art. 3 G v. 20.12.2023",
            ValidFrom = new DateOnly(1960, 6, 23),
            ValidUntil = new DateOnly(2030, 12, 31),
            ContentHash = "abc123",
        };

        var payload = ChunkPayload.Create(chunk, ["BBauG", "Baugesetzbuch"], "minilm");
        var back = ChunkPayload.ToChunk(payload);

        Assert.Equal(chunk.Citation, back.Citation);
        Assert.Equal(chunk.HeadingPath, back.HeadingPath);
        Assert.Equal(chunk with { HeadingPath = back.HeadingPath }, back);
        Assert.Equal("baugb", payload["law_key"].StringValue);
        Assert.Equal(["bbaug", "baugesetzbuch"], payload["law_aliases"].ListValue.Values.Select(v => v.StringValue));
        Assert.True(payload["has_dense"].BoolValue);
        Assert.Equal("minilm", payload["embedding_model"].StringValue);
    }

    [Fact]
    public void References_RoundTripThroughPayload_AndTheirNormsAreKeysForZitiertVon()
    {
        var document = TestCorpus.Document("bund/baugb.md", "BauGB", Level.Bund, DocumentType.Gesetz);
        var chunk = TestCorpus.Chunk(document, "36", 0, "Über Vorhaben nach den §§ 31, 33 bis 35 und § 5 WaffG nach Absatz 2 Satz 1.") with
        {
            References =
            [
                new CrossReference(22, 6, new Citation("BauGB", NormKind.Paragraph, "31"), ReferenceBasis.SameLaw),
                new CrossReference(30, 11, new Citation("BauGB", NormKind.Paragraph, "35"), ReferenceBasis.SameLaw),
                new CrossReference(30, 11, new Citation("BauGB", NormKind.Paragraph, "34"), ReferenceBasis.SameLaw),
                new CrossReference(46, 9, new Citation("WaffG", NormKind.Paragraph, "5"), ReferenceBasis.Explicit),
                new CrossReference(61, 16, new Citation("BauGB", NormKind.Paragraph, "36", "2", 1), ReferenceBasis.Relative),
            ],
        };

        var payload = ChunkPayload.Create(chunk, [], null);
        var back = ChunkPayload.ToChunk(payload);

        Assert.Equal(chunk.References, back.References);
        Assert.Equal(["baugb|31", "baugb|35", "baugb|34", "waffg|5", "baugb|36"], payload["reference_targets"].ListValue.Values.Select(v => v.StringValue));
        Assert.False(ChunkPayload.Create(chunk with { References = [] }, [], null).ContainsKey("reference_targets"));
    }

    [Fact]
    public void Chunk_AccessGroups_TheDocumentsFolded_AbsentWhenPublic()
    {
        var document = TestCorpus.Document("intern/personalamt/da.md", "DA Personal", Level.Intern, DocumentType.Dienstanweisung);
        var chunk = TestCorpus.Chunk(document, "1", 0, "Nur für das Personalamt.");

        var restricted = ChunkPayload.Create(chunk, [], null, ["Personalamt", " hauptamt "]);
        var open = ChunkPayload.Create(chunk, [], null, []);

        Assert.Equal(["hauptamt", "personalamt"], restricted["access_groups"].ListValue.Values.Select(v => v.StringValue));
        Assert.Equal(["hauptamt", "personalamt"], ChunkPayload.ToChunk(restricted).AccessGroups);
        Assert.False(open.ContainsKey("access_groups"));
        Assert.Empty(ChunkPayload.ToChunk(open).AccessGroups);
    }

    [Fact]
    public void Chunk_OptionalFieldsStayAbsent_AndComeBackAsNull()
    {
        var document = TestCorpus.Document("kommune/satzung.md", "Hundesteuersatzung Bad Boll", Level.Kommune, DocumentType.Satzung);
        var chunk = TestCorpus.Chunk(document, "3", 0, "Die Steuer beträgt jährlich 120 Euro.");

        var payload = ChunkPayload.Create(chunk, [], embeddingModel: null);
        var back = ChunkPayload.ToChunk(payload);

        Assert.False(payload.ContainsKey("valid_from_day"));
        Assert.False(payload.ContainsKey("valid_until_day"));
        Assert.False(payload.ContainsKey("embedding_model"));
        Assert.False(payload["has_dense"].BoolValue);
        Assert.Null(back.ValidFrom);
        Assert.Null(back.ValidUntil);
        Assert.Null(back.Citation.Absatz);
        Assert.Null(back.Citation.Satz);
        Assert.Null(back.NormTitle);
        Assert.Equal(chunk with { HeadingPath = back.HeadingPath }, back);
    }

    [Fact]
    public void Chunk_ValidityIsStoredAsDayNumber()
    {
        var document = TestCorpus.Document("land/gemo.md", "GemO", Level.Land);
        var chunk = TestCorpus.Chunk(document, "24", 3, "Der Gemeinderat …", validFrom: new DateOnly(2000, 1, 1));

        var payload = ChunkPayload.Create(chunk, [], null);

        Assert.Equal(new DateOnly(2000, 1, 1).DayNumber, payload["valid_from_day"].IntegerValue);
    }

    [Fact]
    public void ToChunk_MissingRequiredField_ThrowsWithGermanMessage()
    {
        var document = TestCorpus.Document("bund/bgb.md", "BGB");
        var payload = ChunkPayload.Create(TestCorpus.Chunk(document, "1", 0, "Die Rechtsfähigkeit …"), [], null);
        payload.Remove("text");

        var error = Assert.Throws<InvalidDataException>(() => ChunkPayload.ToChunk(payload));

        Assert.Contains("ohne Feld 'text'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_RoundTripsThroughPayload_WithCounts()
    {
        var document = new SourceDocument
        {
            Id = "land/gemo_teil1.md",
            Law = "GemO",
            Title = "Gemeindeordnung für Baden-Württemberg",
            Aliases = ["Gemeindeordnung"],
            Level = Level.Land,
            Type = DocumentType.Gesetz,
            Stand = "01.01.2025",
            ValidFrom = new DateOnly(1955, 7, 25),
            Issuer = "Land Baden-Württemberg",
            ContentHash = "ff00",
        };

        var payload = DocumentPayload.Create(document, chunkCount: 120, normCount: 40);
        var back = DocumentPayload.ToDocument(payload);

        Assert.Equal(document.Aliases, back.Document.Aliases);
        Assert.Equal(document with { Aliases = back.Document.Aliases }, back.Document);
        Assert.Equal(120, back.ChunkCount);
        Assert.Equal(40, back.NormCount);
        Assert.Equal("document", payload["kind"].StringValue);
        Assert.Equal("gemo", payload["law_key"].StringValue);
    }

    [Fact]
    public void DocumentPointId_IsDeterministic_AndDistinctFromTheStorePoint()
    {
        var first = DocumentPayload.PointIdOf("bund/baugb.md");

        Assert.Equal(first, DocumentPayload.PointIdOf("bund/baugb.md"));
        Assert.NotEqual(first, DocumentPayload.PointIdOf("bund/bgb.md"));
        Assert.NotEqual(first, DocumentPayload.StorePointId);
    }

    [Fact]
    public void PayloadReader_AcceptsWholeDoubles_AsIntegers()
    {
        var payload = new Dictionary<string, Value> { ["ordinal"] = 4.0 };

        Assert.Equal(4, PayloadReader.OptionalInteger(payload, "ordinal"));
    }
}
