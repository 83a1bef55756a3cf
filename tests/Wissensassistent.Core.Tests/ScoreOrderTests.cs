using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class ScoreOrderTests
{
    [Fact]
    public void Descending_ManyTies_KeepsTheirOrder_AsOrderByDescendingDoes()
    {
        // Few distinct scores among many candidates: every re-ranking step must break ties as the one before left them.
        var random = new Random(13);
        var hits = Enumerable.Range(0, 300)
            .Select(i => Hit(i, random.Next(8) / 4.0))
            .ToArray();
        var expected = hits.OrderByDescending(hit => hit.Score).Select(hit => hit.Chunk.Id).ToList();

        var sorted = ScoreOrder.Descending((ScoredChunk[])hits.Clone());

        Assert.Equal(expected, sorted.Select(hit => hit.Chunk.Id));
    }

    [Fact]
    public void Descending_AlreadySorted_LeavesTheOrder()
    {
        var hits = Enumerable.Range(0, 5)
            .Select(i => Hit(i, i < 3 ? 2 : 1))
            .ToArray();

        var sorted = ScoreOrder.Descending((ScoredChunk[])hits.Clone());

        Assert.Equal(hits.Select(hit => hit.Chunk.Id), sorted.Select(hit => hit.Chunk.Id));
    }

    [Fact]
    public void Descending_ScoreNotANumber_GoesLast_AsOrderByDescendingPutsIt()
    {
        var scores = new[] { 1.0, double.NaN, 3.0, 1.0, double.NaN, -0.0, 0.0 };
        var hits = scores
            .Select((score, i) => Hit(i, score))
            .ToArray();
        var expected = hits.OrderByDescending(hit => hit.Score).Select(hit => hit.Chunk.Id).ToList();

        var sorted = ScoreOrder.Descending((ScoredChunk[])hits.Clone());

        Assert.Equal(expected, sorted.Select(hit => hit.Chunk.Id));
    }

    [Fact]
    public void Descending_NegativeAndPositiveZero_AreOneScore()
    {
        var scores = new[] { 0.0, 2.0, -0.0, 0.0, -1.0, -0.0 };
        var hits = scores
            .Select((score, i) => Hit(i, score))
            .ToArray();
        var expected = hits.OrderByDescending(hit => hit.Score).Select(hit => hit.Chunk.Id).ToList();

        var sorted = ScoreOrder.Descending((ScoredChunk[])hits.Clone());

        Assert.Equal(expected, sorted.Select(hit => hit.Chunk.Id));
    }

    private static ScoredChunk Hit(int section, double score) =>
        new(AnswerFixtures.Passage("bund/x.md", "X", "Gesetz X", section.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, section, "Text"), score);
}
