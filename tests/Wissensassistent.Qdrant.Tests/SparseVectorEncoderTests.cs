using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant.Tests;

public sealed class SparseVectorEncoderTests
{
    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void TermIndex_IsFnv1a32_OverUtf8(string term, uint expected)
    {
        Assert.Equal(expected, SparseVectorEncoder.TermIndex(term));
    }

    [Fact]
    public void TermIndex_HashesUtf8Bytes_SoUmlautsAreStable()
    {
        // Pinned: changing these would silently invalidate every sparse vector already stored in Qdrant.
        Assert.Equal(SparseVectorEncoder.TermIndex("straße"), SparseVectorEncoder.TermIndex("straße"));
        Assert.NotEqual(SparseVectorEncoder.TermIndex("strasse"), SparseVectorEncoder.TermIndex("straße"));
        Assert.Equal(0x63962d8eu, SparseVectorEncoder.TermIndex("außenbereich"));
    }

    [Fact]
    public void FromTerms_CountsTermFrequency_WithAscendingDistinctIndices()
    {
        var vector = SparseVectorEncoder.FromTerms(["bau", "antrag", "bau", "frist", "bau"]);

        Assert.Equal(3, vector.Indices.Length);
        Assert.Equal(vector.Indices.Order().ToArray(), vector.Indices);
        var byIndex = vector.Indices.Zip(vector.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(3f, byIndex[SparseVectorEncoder.TermIndex("bau")]);
        Assert.Equal(1f, byIndex[SparseVectorEncoder.TermIndex("antrag")]);
        Assert.Equal(1f, byIndex[SparseVectorEncoder.TermIndex("frist")]);
    }

    [Fact]
    public void FromTerms_NoTerms_IsEmpty()
    {
        Assert.True(SparseVectorEncoder.FromTerms([]).IsEmpty);
        Assert.True(SparseVectorEncoder.FromTerms([""]).IsEmpty);
    }

    [Fact]
    public void FromQuery_UsesWeights_AndDropsTermsWithoutPositiveWeight()
    {
        var query = new LexicalQuery([new("außenbereich", 2.5), new("bauen", 1.0), new("und", 0.0), new("nicht", -1.0)]);

        var vector = SparseVectorEncoder.FromQuery(query);

        var byIndex = vector.Indices.Zip(vector.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(2, byIndex.Count);
        Assert.Equal(2.5f, byIndex[SparseVectorEncoder.TermIndex("außenbereich")]);
        Assert.Equal(1f, byIndex[SparseVectorEncoder.TermIndex("bauen")]);
    }

    [Fact]
    public void FromQuery_RepeatedTerm_AddsWeights()
    {
        var vector = SparseVectorEncoder.FromQuery(new LexicalQuery([new("frist", 1.0), new("frist", 0.5)]));

        Assert.Equal([SparseVectorEncoder.TermIndex("frist")], vector.Indices);
        Assert.Equal([1.5f], vector.Values);
    }
}
