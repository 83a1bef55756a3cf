using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.AI.Tests.Embeddings;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private readonly MiniLmEmbeddingGenerator _generator = fixture.Generator;

    [Fact]
    public async Task Generate_Returns384DimensionalUnitVectors()
    {
        var embeddings = await _generator.GenerateAsync(["The dog is barking.", "Im Außenbereich ist ein Vorhaben nur zulässig."], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(embedding.Vector.Span), 3);
            Assert.Equal("minilm-l6-v2", embedding.ModelId);
        });
    }

    [Fact]
    public async Task Generate_SimilarSentencesAreCloserThanUnrelatedOnes()
    {
        var embeddings = await _generator.GenerateAsync(
            ["A man is playing a guitar.", "Someone plays an acoustic guitar.", "The tax office raised the fee for dog owners."],
            cancellationToken: TestContext.Current.CancellationToken);

        var similar = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[2].Vector.Span);

        Assert.True(similar > unrelated + 0.2, $"similar {similar}, unrelated {unrelated}");
    }

    [Fact]
    public async Task Generate_InBatches_EqualsSingleCalls()
    {
        string[] texts = ["first sentence", "a second, somewhat longer sentence with more tokens", "drei", "vier Wörter hier", "five"];

        var batched = await _generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(texts.Length, batched.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = await _generator.GenerateAsync([texts[i]], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(1.0, TensorPrimitives.CosineSimilarity(single[0].Vector.Span, batched[i].Vector.Span), 4);
        }
    }

    [Fact]
    public async Task Generate_EmptyInput_ReturnsNoEmbeddings()
    {
        var embeddings = await _generator.GenerateAsync([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task Generate_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _generator.GenerateAsync(["text"], cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Generate_OtherDimensionsRequested_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _generator.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 768 }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Generate_ConcurrentCalls_GiveTheSameVectorsAsSequentialOnes()
    {
        string[] texts = ["Hundesteuer", "Bauen im Außenbereich", "Gemeinderat", "Erschließungsbeitrag"];
        var expected = await _generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        var concurrent = await Task.WhenAll(texts.Select(text => _generator.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken)));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, TensorPrimitives.CosineSimilarity(expected[i].Vector.Span, concurrent[i][0].Vector.Span), 4);
        }
    }

    [Fact]
    public void Metadata_NamesModelAndDimensions()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("minilm-l6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task Generate_LoadsTheModelWithTheOnnxRuntimeTelemetryOff()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The runtime's telemetry log is checked on Linux.");
        }

        await _generator.GenerateAsync(["Hundesteuer"], cancellationToken: TestContext.Current.CancellationToken);

        // The runtime's telemetry writes this log when it starts; it also recursed over the command line, which
        // crashed `wissen ask` with a 50 KB question (exit 134).
        Assert.False(File.Exists($"/tmp/mat-debug-{Environment.ProcessId}.log"), "ONNX Runtime telemetry was started.");
    }
}
