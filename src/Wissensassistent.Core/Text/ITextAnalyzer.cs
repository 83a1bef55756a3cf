namespace Wissensassistent.Core.Text;

/// <summary>
/// German analysis shared by every lexical path (embedded BM25, Qdrant sparse vectors, query processing), so that
/// index and query always agree.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>The index terms of a text, in order; a term may repeat (term frequency counts).</summary>
    IReadOnlyList<string> Analyze(string text);
}
