using Microsoft.Extensions.AI;
using Wissensassistent.AI.Embeddings;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>
/// The XLM-R path (multilingual-e5, bge-m3) on hand-made model files: a SentencePiece Unigram model read by
/// Microsoft.ML.Tokenizers and an ONNX graph without token_type_ids whose token states are a lookup table, so that
/// fairseq ids, prefixes, padding and pooling can be checked exactly.
/// </summary>
public sealed class SentencePieceOnnxTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-xlmr");

    public SentencePieceOnnxTests()
    {
        TinyModels.WriteSentencePiece(_folder.Combine(OnnxModelFolder.SentencePieceFileName));
        TinyModels.WriteLookupModel(_folder.Combine(OnnxModelFolder.ModelFileName));
    }

    [Fact]
    public void Folder_WithSentencePieceModel_IsXlmRFamily()
    {
        var folder = OnnxModelFolder.TryOpen(_folder.Path, out var problem);

        Assert.Null(problem);
        Assert.Equal(ModelTokenizerKind.SentencePiece, folder!.Tokenizer);
    }

    [Fact]
    public void Tokenize_UsesFairseqIds_SentenceMarkersAroundPiecesShiftedByOne()
    {
        using var generator = Create();

        // ▁Die ▁Gemeinde ▁erhebt ▁eine ▁Hunde steuer are SentencePiece ids 3 … 8.
        Assert.Equal([0, 4, 5, 6, 7, 8, 9, 2], generator.Tokenize("Die Gemeinde erhebt eine Hundesteuer"));
    }

    [Fact]
    public void Tokenize_CharacterOutsideTheVocabulary_IsUnknownId3()
    {
        using var generator = Create();

        var ids = generator.Tokenize("Die ß");

        Assert.Equal(0, ids[0]);
        Assert.Contains(3, ids);
        Assert.Equal(2, ids[^1]);
    }

    [Fact]
    public async Task Generate_VeryLongInput_IsCutToMaxSequenceLengthKeepingTheEndMarker()
    {
        using var generator = Create(maxSequenceLength: 16);
        var text = string.Concat(Enumerable.Repeat("Die Gemeinde ", 5_000));

        var ids = generator.Tokenize(text);
        var embeddings = await generator.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(16, ids.Length);
        Assert.Equal(0, ids[0]);
        Assert.Equal(2, ids[^1]);
        Assert.Equal(Expected([0, .. Enumerable.Repeat(new[] { 4, 5 }, 7).SelectMany(pair => pair), 2]), embeddings[0].Vector.ToArray(), Close);
    }

    [Fact]
    public async Task Generate_QueryAndPassage_GetTheirOwnPrefix()
    {
        using var generator = Create(queryPrefix: "query: ", passagePrefix: "passage: ");

        var query = await generator.GenerateVectorAsync("Die", EmbeddingPurpose.ForQuery(), TestContext.Current.CancellationToken);
        var passage = await generator.GenerateVectorAsync("Die", cancellationToken: TestContext.Current.CancellationToken);

        // ▁query : ▁Die and ▁passage : ▁Die, mean-pooled over <s> … </s>.
        Assert.Equal(Expected([0, 10, 11, 4, 2]), query.ToArray(), Close);
        Assert.Equal(Expected([0, 12, 11, 4, 2]), passage.ToArray(), Close);
    }

    [Fact]
    public async Task Generate_MixedLengthsInOneCall_PaddingNeverEntersTheMean()
    {
        using var generator = Create(batchSize: 8);
        string[] texts = ["Die Gemeinde erhebt eine Hundesteuer", "Die", "eine Hundesteuer"];

        var embeddings = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Expected([0, 4, 5, 6, 7, 8, 9, 2]), embeddings[0].Vector.ToArray(), Close);
        Assert.Equal(Expected([0, 4, 2]), embeddings[1].Vector.ToArray(), Close);
        Assert.Equal(Expected([0, 7, 8, 9, 2]), embeddings[2].Vector.ToArray(), Close);
    }

    [Fact]
    public async Task Generate_ClsPooling_TakesTheFirstTokensState()
    {
        using var generator = Create(pooling: EmbeddingPooling.Cls);

        var embeddings = await generator.GenerateAsync(["Die Gemeinde", "eine Hundesteuer"], cancellationToken: TestContext.Current.CancellationToken);

        var cls = Normalised(TinyModels.Row(0));
        Assert.All(embeddings, embedding => Assert.Equal(cls, embedding.Vector.ToArray(), Close));
    }

    [Fact]
    public async Task Generate_ModelWithFurtherTokenOutputs_PoolsLastHiddenState()
    {
        TinyModels.WriteLookupModel(_folder.Combine(OnnxModelFolder.ModelFileName), decoyOutput: "colbert_vecs");
        using var generator = Create();

        var vector = await generator.GenerateVectorAsync("Die", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Expected([0, 4, 2]), vector.ToArray(), Close);
    }

    [Fact]
    public async Task Generate_RunFailsInTheRuntime_IsAnInvalidOperationSearchCanFallBackFrom()
    {
        TinyModels.WriteLookupModel(_folder.Combine(OnnxModelFolder.ModelFileName), rows: 3);
        using var generator = Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            generator.GenerateAsync(["Die Gemeinde"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("konnte die Eingaben nicht verarbeiten", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_DimensionsComeFromTheModel_IdFromTheFolderName()
    {
        using var generator = Create();

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(TinyModels.Hidden, metadata?.DefaultModelDimensions);
        Assert.Equal(Path.GetFileName(_folder.Path), metadata?.DefaultModelId);
    }

    [Fact]
    public async Task UnigramTokenizerJsonAlone_GivesTheSameIdsAndVectorsAsTheSentencePieceFile()
    {
        using var jsonFolder = new TemporaryFolder("wissen-xlmr-json");
        TinyModels.WriteTokenizerJson(jsonFolder.Combine(OnnxModelFolder.TokenizerJsonFileName));
        TinyModels.WriteLookupModel(jsonFolder.Combine(OnnxModelFolder.ModelFileName));
        using var fromJson = new OnnxEmbeddingGenerator(new EmbeddingModelOptions { Provider = EmbeddingProvider.Onnx, ModelPath = jsonFolder.Path });
        using var fromFile = Create();
        string[] texts = ["Die Gemeinde erhebt eine Hundesteuer", "Die  ß", "eine   Hundesteuer ", "query: Die"];

        foreach (var text in texts)
        {
            Assert.Equal(fromFile.Tokenize(text), fromJson.Tokenize(text));
        }

        var expected = await fromFile.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        var actual = await fromJson.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Vector.ToArray(), actual[i].Vector.ToArray(), Close);
        }
    }

    public void Dispose() => _folder.Dispose();

    private static readonly IEqualityComparer<float> Close = new ToleranceComparer(1e-5f);

    private OnnxEmbeddingGenerator Create(
        int? maxSequenceLength = null, string queryPrefix = "", string passagePrefix = "", int batchSize = 16, EmbeddingPooling? pooling = null) =>
        new(new EmbeddingModelOptions
        {
            Provider = EmbeddingProvider.Onnx,
            ModelPath = _folder.Path,
            MaxSequenceLength = maxSequenceLength,
            QueryPrefix = queryPrefix,
            PassagePrefix = passagePrefix,
            BatchSize = batchSize,
            Pooling = pooling,
        });

    private static float[] Expected(int[] ids)
    {
        var sum = new float[TinyModels.Hidden];
        foreach (var id in ids)
        {
            var row = TinyModels.Row(id);
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += row[d] / ids.Length;
            }
        }

        return Normalised(sum);
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
