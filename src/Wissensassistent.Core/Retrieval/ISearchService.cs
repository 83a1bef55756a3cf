namespace Wissensassistent.Core.Retrieval;

/// <summary>Finds the passages for a question: norm lookup, lexical, dense and fused ranking.</summary>
public interface ISearchService
{
    /// <exception cref="ArgumentException">An empty query.</exception>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);
}
