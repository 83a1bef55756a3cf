using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>Core results as the contracts every interface shares.</summary>
public static class InterfaceViews
{
    public static PassageView Of(Chunk chunk, Citation? citation = null)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new PassageView(
            CitationFormatter.Format(citation ?? chunk.Citation),
            chunk.Citation.Law,
            chunk.LawTitle,
            chunk.NormTitle,
            chunk.HeadingPathText,
            chunk.Text,
            chunk.Stand,
            chunk.DocumentId,
            NormAddress.PathOf(chunk.Citation),
            chunk.IsRepealed,
            DocumentLabels.Of(chunk.Level),
            DocumentLabels.Of(chunk.DocumentType),
            chunk.ValidFrom,
            chunk.ValidUntil);
    }

    public static SearchView Of(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SearchView(
            result.Query,
            result.Mode.ToString(),
            result.Hits.Select(h => new SearchHitView(h.Rank, Math.Round(h.Score, 6), Of(h.Chunk))).ToList(),
            result.NamedNorms.Select(CitationFormatter.Format).ToList(),
            result.Notices);
    }

    public static NormView Of(NormLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new NormView(
            result.Found,
            result.Outcome.ToString(),
            result.FormattedCitation,
            result.Stand,
            result.Source,
            result.IsRepealed,
            result.Passage.Select(c => Of(c)).ToList(),
            result.Message,
            result.Suggestions);
    }

    public static AnswerView Of(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var checks = answer.Checks;
        return new AnswerView(
            answer.Question,
            answer.Mode.ToString(),
            answer.Text,
            answer.Refused,
            answer.Citations
                .Select(c => new AnswerCitationView(c.Marker, CitationFormatter.Format(c.DisplayCitation), c.Verified, c.Quotes, Of(c.Chunk, c.DisplayCitation)))
                .ToList(),
            new AnswerChecksView(checks.Passed, checks.Markers, checks.InvalidMarkers, checks.Quotations, checks.UnverifiedQuotations, checks.UnsupportedSentences, checks.Issues),
            answer.Notices);
    }

    public static CitationCheckView Of(DraftCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new CitationCheckView(
            report.HasFindings,
            report.Counts,
            report.Citations.Select(c => new CheckedCitationView(
                c.Line,
                c.Written,
                c.FormattedCitation,
                c.Status.ToString(),
                c.StatusLabel,
                c.Lookup.Found,
                c.Lookup.IsRepealed,
                c.LawFromContext,
                c.Lookup.Stand,
                c.Lookup.Source,
                c.Lookup.Passage.Select(chunk => Of(chunk)).ToList(),
                c.Excerpt,
                c.Lookup.Message,
                c.Lookup.Suggestions,
                c.Displacement is { } d ? new DisplacementView(d.Displaced, d.Applies, d.Parallel, d.IsStateLaw, d.Note, d.ParallelDifferences.Select(x => new QuotationDifferenceView(x.Draft, x.Passage)).ToList()) : null)).ToList(),
            report.Quotations.Select(q => new CheckedQuotationView(
                q.Line,
                q.Content,
                q.Status.ToString(),
                q.Summary,
                q.CitationIndex is { } i ? report.Citations[i].FormattedCitation : null,
                q.FoundIn,
                q.PassageWording,
                q.Differences.Select(d => new QuotationDifferenceView(d.Draft, d.Passage)).ToList())).ToList(),
            report.Notices);
    }
}
