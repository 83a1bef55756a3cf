using Microsoft.Extensions.AI;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Tells an embedding model whether it embeds a search query or a stored passage. Models such as multilingual-e5 are
/// trained with a different prefix for each (<c>query: </c>, <c>passage: </c>). The purpose travels in
/// <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>; generators that do not know the key ignore it, and a
/// call without it embeds passages, so indexing needs no options at all.
/// </summary>
public static class EmbeddingPurpose
{
    /// <summary>Key in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
    public const string PropertyName = "Wissensassistent.EmbeddingPurpose";

    public const string Query = "query";

    public const string Passage = "passage";

    /// <summary>Fresh options for embedding a search query (options are mutable, so never shared).</summary>
    public static EmbeddingGenerationOptions ForQuery() => new() { AdditionalProperties = new() { [PropertyName] = Query } };

    /// <summary>True when <paramref name="options"/> ask for a query embedding; anything else is a passage.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties is { } properties
        && properties.TryGetValue(PropertyName, out var value)
        && value is string purpose
        && string.Equals(purpose, Query, StringComparison.Ordinal);
}
