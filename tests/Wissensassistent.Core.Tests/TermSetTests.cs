using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests;

public sealed class TermSetTests
{
    [Fact]
    public void Contains_EveryTermOfALargeSet_AndNoOther()
    {
        var terms = Enumerable.Range(0, 5_000).Select(i => "term" + i).ToList();

        var set = TermSet.Of(terms);

        Assert.Equal(5_000, set.Count);
        Assert.All(terms, term => Assert.True(set.Contains(term)));
        Assert.All(Enumerable.Range(5_000, 5_000), i => Assert.False(set.Contains("term" + i)));
    }

    [Fact]
    public void Of_RepeatedTerms_CountsEachOnce()
    {
        var set = TermSet.Of(["frist", "widerspruch", "frist", "frist"]);

        Assert.Equal(2, set.Count);
        Assert.True(set.Contains("frist"));
        Assert.False(set.Contains("fris"));
    }

    [Fact]
    public void Contains_WithTheQuestionsHashes_AnswersAsWithoutThem()
    {
        var set = TermSet.Of(["hund", "steuer"]);
        var query = new LexicalQuery([new WeightedTerm("steuer", 1), new WeightedTerm("katze", 1)]);

        var hashes = TermSet.HashesOf(query.Terms);

        Assert.True(set.Contains("steuer", hashes[0]));
        Assert.False(set.Contains("katze", hashes[1]));
    }

    [Fact]
    public void Empty_HoldsNothing() => Assert.False(TermSet.Of([]).Contains(string.Empty));
}
