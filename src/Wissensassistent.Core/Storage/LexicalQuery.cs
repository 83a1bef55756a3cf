namespace Wissensassistent.Core.Storage;

/// <summary>
/// Analysed query terms with weights (from <see cref="Text.ITextAnalyzer"/> and query processing). Every lexical
/// path ranks with these: BM25 in the embedded store, sparse vectors in Qdrant.
/// </summary>
public sealed record LexicalQuery(IReadOnlyList<WeightedTerm> Terms)
{
    public bool IsEmpty => Terms.Count == 0;
}

public readonly record struct WeightedTerm(string Term, double Weight);
