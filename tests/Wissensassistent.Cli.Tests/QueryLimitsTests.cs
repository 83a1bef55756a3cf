using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Tests;

public sealed class QueryLimitsTests(IngestedCorpus corpus)
{
    private ISearchService Search => corpus.Services.GetRequiredService<ISearchService>();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_EmptyQuery_GetsAClearGermanMessage(string query)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Search.SearchAsync(new SearchRequest(query), TestContext.Current.CancellationToken));

        Assert.StartsWith("Bitte geben Sie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FiftyThousandCharacters_IsShortenedWithANotice_AndStillAnswers()
    {
        var query = string.Concat(Enumerable.Repeat("Bauen im Außenbereich Genehmigung ", 1_500))[..50_000];

        var result = await Search.SearchAsync(new SearchRequest(query, 5), TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Hits);
        Assert.Contains(result.Notices, n => n.Contains("gekürzt", StringComparison.Ordinal));
        Assert.True(result.Query.Length <= SearchRequest.MaxQueryLength);
    }
}
