using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Wissensassistent.AI.Embeddings;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>The ONNX provider's behaviour on the real MiniLM model (a BERT-family folder with vocab.txt).</summary>
public sealed class OnnxEmbeddingGeneratorTests(OnnxMiniLmFixture fixture) : IClassFixture<OnnxMiniLmFixture>
{
    [Fact]
    public async Task Generate_50000CharacterQuestion_IsCutToMaxSequenceLength_NotACrash()
    {
        var head = string.Concat(Enumerable.Repeat("Wann ist ein Vorhaben im Außenbereich zulässig? ", 100));
        var first = head + new string('x', 50_000 - head.Length);
        var second = head + string.Concat(Enumerable.Repeat("Hundesteuer ", (50_000 - head.Length) / 12));

        var embeddings = await fixture.Onnx.GenerateAsync([first, second], EmbeddingPurpose.ForQuery(), TestContext.Current.CancellationToken);

        Assert.Equal(512, fixture.Onnx.Tokenize(first).Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(embeddings[0].Vector.Span), 4);

        // Both read only the shared opening 512 tokens.
        Assert.Equal(1.0, TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span), 5);
    }

    [Fact]
    public async Task Generate_MixedLengthsAcrossBatches_EachEqualsItsSingleCall()
    {
        // Batch size 3: length buckets regroup these; results must come back in input order.
        string[] texts = ["drei", ParityTexts.Long[0], "vier Wörter hier", "The dog is barking.", ParityTexts.Long[1], "Gemeinderat", "Bauen im Außenbereich"];

        var batched = await fixture.Onnx.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = await fixture.Onnx.GenerateVectorAsync(texts[i], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(OnnxParityTests.MaxDifference(single.Span, batched[i].Vector.Span) < 1e-5f, $"text {i}");
        }
    }

    [Fact]
    public async Task Generate_QueryPurpose_UsesQueryPrefix_PassagesThePassagePrefix()
    {
        using var prefixed = new OnnxEmbeddingGenerator(new EmbeddingModelOptions
        {
            Provider = EmbeddingProvider.Onnx,
            ModelPath = fixture.ModelPath,
            QueryPrefix = "query: ",
            PassagePrefix = "passage: ",
        });
        const string Text = "Hundesteuer für einen Kampfhund";

        var query = await prefixed.GenerateVectorAsync(Text, EmbeddingPurpose.ForQuery(), TestContext.Current.CancellationToken);
        var passage = await prefixed.GenerateVectorAsync(Text, cancellationToken: TestContext.Current.CancellationToken);
        var plainQuery = await fixture.Onnx.GenerateVectorAsync("query: " + Text, cancellationToken: TestContext.Current.CancellationToken);
        var plainPassage = await fixture.Onnx.GenerateVectorAsync("passage: " + Text, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(OnnxParityTests.MaxDifference(query.Span, plainQuery.Span) < 1e-5f);
        Assert.True(OnnxParityTests.MaxDifference(passage.Span, plainPassage.Span) < 1e-5f);
        Assert.True(OnnxParityTests.MaxDifference(query.Span, passage.Span) > 1e-3f);
    }

    [Fact]
    public async Task Generate_TwoThreads_GiveTheSameVectorsAsOne()
    {
        using var twoThreads = new OnnxEmbeddingGenerator(new EmbeddingModelOptions
        {
            Provider = EmbeddingProvider.Onnx,
            ModelPath = fixture.ModelPath,
            MaxSequenceLength = 512,
            IntraOpNumThreads = 2,
        });
        var texts = ParityTexts.Comparable.ToArray();

        var one = await fixture.Onnx.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        var two = await twoThreads.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(OnnxParityTests.MaxDifference(one[i].Vector.Span, two[i].Vector.Span) < 1e-5f, $"text {i}");
        }
    }

    [Fact]
    public async Task Generate_ConcurrentCalls_GiveTheSameVectorsAsSequentialOnes()
    {
        string[] texts = ["Hundesteuer", "Bauen im Außenbereich", "Gemeinderat", "Erschließungsbeitrag"];
        var expected = await fixture.Onnx.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        var concurrent = await Task.WhenAll(texts.Select(text => fixture.Onnx.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken)));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(OnnxParityTests.MaxDifference(expected[i].Vector.Span, concurrent[i][0].Vector.Span) < 1e-5f);
        }
    }

    [Fact]
    public async Task Generate_EmptyInput_ReturnsNoEmbeddings()
    {
        var embeddings = await fixture.Onnx.GenerateAsync([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task Generate_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Onnx.GenerateAsync(["text"], cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Generate_OtherDimensionsRequested_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Onnx.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 768 }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Metadata_NamesTheConfiguredModelAndTheModelsDimensions()
    {
        using var named = new OnnxEmbeddingGenerator(new EmbeddingModelOptions { Provider = EmbeddingProvider.Onnx, ModelPath = fixture.ModelPath, Model = "minilm-onnx" });

        var metadata = named.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("minilm-onnx", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
        Assert.Equal("minilm-onnx@384", EmbeddingModel.IdOf(named));
    }

    [Fact]
    public void Defaults_WithoutTokenizerConfig_Read512TokensWithMeanPooling()
    {
        using var plain = new OnnxEmbeddingGenerator(new EmbeddingModelOptions { Provider = EmbeddingProvider.Onnx, ModelPath = fixture.ModelPath });

        Assert.Equal(512, plain.MaxSequenceLength);
        Assert.Equal(EmbeddingPooling.Mean, plain.Pooling);
        Assert.Equal(ModelTokenizerKind.WordPiece, plain.Tokenizer);
    }
}
