using Wissensassistent.Core.Drafts;

namespace Wissensassistent.Core.Tests.Drafts;

public sealed class QuotationComparisonTests
{
    private const string Passage = "(1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen und die ausreichende Erschließung gesichert ist.";

    [Fact]
    public void ReplacedWord_IsOneDifference()
    {
        var result = QuotationComparison.Compare("ein Vorhaben stets zulässig, wenn öffentliche Belange", Passage);

        Assert.NotNull(result);
        Assert.Equal([new QuotationDifference("stets", "nur")], result.Differences);
        Assert.Equal("ein Vorhaben nur zulässig, wenn öffentliche Belange", result.PassageWording);
    }

    [Fact]
    public void LeftOutAndAddedWords_AreNamedAsSuch()
    {
        var result = QuotationComparison.Compare("wenn öffentliche Belange entgegenstehen und auch die Erschließung", Passage);

        Assert.NotNull(result);
        Assert.Equal(["„nicht“ fehlt", "„auch“ ergänzt", "„ausreichende“ fehlt"], result.Differences.Select(d => d.Describe()));
    }

    [Fact]
    public void Omission_WithEllipsis_IsNoDifference()
    {
        var result = QuotationComparison.Compare("Im Außenbereich ist ein Vorhaben nur zulässig, […] die ausreichende Erschließung gesichert ist", Passage);

        Assert.NotNull(result);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void UnrelatedText_IsNoMatch()
    {
        Assert.Null(QuotationComparison.Compare("die Hundesteuer beträgt jährlich 120 Euro", Passage));
    }
}
