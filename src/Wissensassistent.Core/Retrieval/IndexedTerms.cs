using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// The terms a store indexes for a chunk, the same in every store, in three fields: the text (with its heading path), the
/// norm's title ("§ 55 Nachbarbeteiligung") and the law's title. A title term is written under its field's prefix
/// (<see cref="NormTitlePrefix"/> + term); the store folds it into the text as BM25F does: one occurrence of the plain
/// term weighted by <see cref="NormTitleWeight"/> or <see cref="LawTitleWeight"/>, under the text's saturation and
/// idf, without lengthening the text. Queries stay plain: the title counts wherever the term is asked.
/// </summary>
public static class IndexedTerms
{
    /// <summary>Starts every title term; the analyzer never emits a control character.</summary>
    public const char FieldMark = '\u0001';

    public const string NormTitlePrefix = "\u0001titel:";

    public const string LawTitlePrefix = "\u0001gesetz:";

    /// <summary>
    /// A term in the norm's title counts as half an occurrence in the text. Measured (dev sets, lexical): 0.5 raised
    /// ragsource R@10 from 0.881 to 0.896 and kept GerLayQA R@10 at 0.180; 1.0 and more put the wrong § of the right law first.
    /// </summary>
    public const double NormTitleWeight = 0.5;

    /// <summary>A term in the law's or bylaw's title (<c>Hundesteuersatzung Bad Boll</c>) counts as half an occurrence too.</summary>
    public const double LawTitleWeight = 0.5;

    /// <summary>True for a term of a title field.</summary>
    public static bool IsTitleTerm(ReadOnlySpan<char> term) => term.Length > 0 && term[0] == FieldMark;

    /// <summary>The field weight of a title term; 1 for a term of the text.</summary>
    public static double FieldWeight(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.StartsWith(NormTitlePrefix, StringComparison.Ordinal) ? NormTitleWeight
            : term.StartsWith(LawTitlePrefix, StringComparison.Ordinal) ? LawTitleWeight
            : 1;
    }

    /// <summary>The term of the text a title term stands for; a term of the text itself.</summary>
    public static string PlainTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.StartsWith(NormTitlePrefix, StringComparison.Ordinal) ? term[NormTitlePrefix.Length..]
            : term.StartsWith(LawTitlePrefix, StringComparison.Ordinal) ? term[LawTitlePrefix.Length..]
            : term;
    }

    /// <summary>The text's terms, then each distinct term of the norm's title and of the law's title under its prefix.</summary>
    public static IReadOnlyList<string> Of(ITextAnalyzer analyzer, Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(chunk);
        var terms = new List<string>(analyzer.Analyze(chunk.SearchText));
        terms.AddRange(Prefixed(analyzer, NormTitle(chunk), NormTitlePrefix));
        terms.AddRange(Prefixed(analyzer, chunk.LawTitle, LawTitlePrefix));
        return terms;
    }

    /// <summary>
    /// The norm's title; for a chunk without one, the last heading (an Anlage's, a section's), unless that heading restates the
    /// law's title (the preamble or footnote under "Verwaltungszustellungsgesetz für Baden-Württemberg (…)"): the law's title
    /// is a field of its own, and counted twice it would put such a passage before every norm of the law.
    /// </summary>
    public static string NormTitle(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.NormTitle is not null)
        {
            return chunk.NormTitle;
        }

        var heading = chunk.HeadingPath.Count > 1 ? chunk.HeadingPath[^1] : string.Empty;
        return chunk.LawTitle.Length > 0 && heading.Contains(chunk.LawTitle, StringComparison.OrdinalIgnoreCase) ? string.Empty : heading;
    }

    private static IEnumerable<string> Prefixed(ITextAnalyzer analyzer, string? title, string prefix) =>
        string.IsNullOrWhiteSpace(title) ? [] : analyzer.Analyze(title).Distinct(StringComparer.Ordinal).Select(term => prefix + term);
}
