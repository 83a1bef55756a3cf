using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests;

public sealed class NearestNormsTests
{
    private static readonly NormInfo[] Norms = new[] { "1", "2", "34", "35", "35a", "36", "200" }
        .Select(s => new NormInfo(new Citation("BauGB", NormKind.Paragraph, s), $"Titel {s}", false))
        .ToArray();

    [Fact]
    public void Find_UnknownSection_ReturnsNumericallyClosestInDocumentOrder()
    {
        var nearest = NearestNorms.Find(Norms, "35c", 4).Select(n => n.Citation.Section);

        Assert.Equal(["34", "35", "35a", "36"], nearest);
    }

    [Fact]
    public void Find_NonNumericSection_FallsBackToDocumentStart()
    {
        Assert.Equal(["1", "2"], NearestNorms.Find(Norms, "Anlage", 2).Select(n => n.Citation.Section));
    }

    [Fact]
    public void Find_NoNorms_ReturnsEmpty()
    {
        Assert.Empty(NearestNorms.Find([], "35"));
    }
}
