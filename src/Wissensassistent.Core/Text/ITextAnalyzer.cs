namespace Wissensassistent.Core.Text;

/// <summary>
/// German analysis shared by every lexical path (embedded BM25, Qdrant sparse vectors, query processing), so that
/// index and query always agree.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>The index terms of a text, in order; a term may repeat (term frequency counts).</summary>
    IReadOnlyList<string> Analyze(string text);

    /// <summary>The same terms with position, surface span and kind (word, compound part, …); by default every term a word.</summary>
    IReadOnlyList<AnalyzedToken> AnalyzeTokens(string text) =>
        Analyze(text).Select((term, i) => new AnalyzedToken(term, i, 0, 0, TokenKind.Word)).ToList();

    /// <summary>
    /// Changes with every change of the analysis. Stored documents carry it in their hash, so that after an upgrade the
    /// next incremental run reads every document again instead of searching old terms with new queries.
    /// </summary>
    string Fingerprint => GetType().FullName ?? nameof(ITextAnalyzer);
}
