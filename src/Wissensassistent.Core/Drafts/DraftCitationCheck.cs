using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Drafts;

/// <summary>
/// Checks the citations of a staff member's own draft (a Bescheid, a Vermerk, a Beschlussvorlage) against the corpus:
/// every citation the one grammar (<see cref="CitationParser"/>) finds is looked up as <c>wissen show</c> does
/// (<see cref="NormLookup"/>), with its passage, Stand and source, whether it is repealed, and whether the applicable-law
/// table displaces it for the deployment profile; every quotation near a citation is checked verbatim against the cited
/// passage (<see cref="QuotationMatcher"/>), and an altered one shows what was changed. Nothing of the draft is kept or logged.
/// </summary>
public sealed partial class DraftCitationCheck(IKnowledgeStore store, LawDirectory laws, NormLookup norms, ApplicableLaw applicableLaw)
{
    /// <summary>A long Beschlussvorlage has some 50 000 characters; beyond this the input is no draft.</summary>
    public const int MaxCharacters = 200_000;

    /// <summary>Citations looked up per draft; the rest are named in a notice.</summary>
    public const int MaxCitations = 1_000;

    /// <summary>How far (characters) a quotation may stand from its citation, within one paragraph.</summary>
    public const int QuotationReach = 300;

    /// <exception cref="DraftRejectedException">The text is empty or longer than <see cref="MaxCharacters"/>.</exception>
    public async Task<DraftCheckReport> CheckAsync(string draft, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(access);
        if (string.IsNullOrWhiteSpace(draft))
        {
            throw new DraftRejectedException("Der Entwurf ist leer: bitte Text einfügen oder eine Datei hochladen.");
        }

        if (draft.Length > MaxCharacters)
        {
            throw new DraftRejectedException(string.Create(
                CultureInfo.GetCultureInfo("de-DE"),
                $"Der Entwurf ist mit {draft.Length:N0} Zeichen zu lang; geprüft werden höchstens {MaxCharacters:N0} Zeichen."));
        }

        // Positions refer to this text: the parser reads NFC, and so does everything below.
        var text = draft.ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC);
        var parser = await laws.GetParserAsync(access, cancellationToken).ConfigureAwait(false);
        var known = await laws.GetLawsAsync(access, cancellationToken).ConfigureAwait(false);
        var quotations = QuotationMatcher.Find(text);

        // References inside a quotation are the quoted law's own, not the writer's citations.
        var matches = parser.FindAll(text).Where(m => !quotations.Any(q => m.Start > q.Start && m.End < q.End)).ToList();
        var notices = new List<string>();
        if (matches.Count > MaxCitations)
        {
            notices.Add(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Der Entwurf enthält {matches.Count:N0} Fundstellen; geprüft wurden die ersten {MaxCitations:N0}."));
            matches = matches.Take(MaxCitations).ToList();
        }

        var citedLaws = matches.Where(m => m.HasLaw).Select(m => m.Citation.Law).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var lookups = new Dictionary<Citation, (NormLookupResult Lookup, DisplacedParallel? Displacement)>();
        var findings = new List<DraftCitationFinding>(matches.Count);
        string? previousLaw = null;
        foreach (var match in matches)
        {
            var citation = match.Citation;
            var fromContext = false;
            if (!match.HasLaw && previousLaw is not null)
            {
                citation = citation with { Law = previousLaw };
                fromContext = true;
            }

            NormLookupResult lookup;
            DisplacedParallel? displacement;
            if (citation.Law.Length == 0)
            {
                lookup = new NormLookupResult(
                    NormLookupOutcome.UnknownLaw,
                    citation,
                    [],
                    $"„{CitationFormatter.Format(citation)}“ nennt kein Gesetz, und davor steht keines im Entwurf.",
                    []);
                displacement = null;
            }
            else if (!lookups.TryGetValue(citation, out var looked))
            {
                // A citation the draft repeats is looked up, and its parallel compared, once.
                lookup = await norms.LookupAsync(citation, access, cancellationToken).ConfigureAwait(false);
                displacement = await DisplacementAsync(lookup, citation, citedLaws, known, access, cancellationToken).ConfigureAwait(false);
                lookups[citation] = (lookup, displacement);
            }
            else
            {
                (lookup, displacement) = looked;
            }

            previousLaw = lookup.Citation is { Law.Length: > 0 } read ? read.Law : citation.Law.Length > 0 ? citation.Law : previousLaw;
            findings.Add(new DraftCitationFinding(
                match.Start,
                match.Length,
                text.Substring(match.Start, match.Length),
                LineOf(text, match.Start),
                citation,
                fromContext,
                lookup,
                Excerpt(lookup, citation),
                displacement));
        }

        var checkedQuotations = new List<DraftQuotationFinding>(quotations.Count);
        foreach (var quotation in quotations)
        {
            checkedQuotations.Add(await CheckQuotationAsync(text, quotation, findings, access, cancellationToken).ConfigureAwait(false));
        }

        return new DraftCheckReport(findings, checkedQuotations, notices);
    }

    private async Task<DisplacedParallel?> DisplacementAsync(NormLookupResult lookup, Citation written, IReadOnlyList<string> citedLaws, IReadOnlyList<LawInfo> known, DocumentAccess access, CancellationToken cancellationToken)
    {
        var citation = lookup.Citation ?? written;
        if (citation.Law.Length == 0)
        {
            return null;
        }

        // A conditional rule (SGB X over the LVwVfG in social-benefit matters) holds when the draft cites one of its context laws.
        var rule = applicableLaw.Rules.FirstOrDefault(r => r.Displaces(citation) && (r.When.Count == 0 || citedLaws.Any(r.IsContext)));
        if (rule is null)
        {
            return null;
        }

        string? parallel = null;
        IReadOnlyList<QuotationDifference> differences = [];
        if (rule.Sections is null)
        {
            // The whole law is displaced by one with the same numbering where the Land copied it (VwVfG → LVwVfG).
            var same = await norms.LookupAsync(citation with { Law = rule.Applies }, access, cancellationToken).ConfigureAwait(false);
            if (same.Found && !same.IsRepealed)
            {
                parallel = same.FormattedCitation;
                differences = WordingDifferences(same, lookup);
            }
        }

        var applies = known.FirstOrDefault(l => string.Equals(l.Law, rule.Applies, StringComparison.OrdinalIgnoreCase));
        return new DisplacedParallel(rule, parallel, applies?.Level == Level.Land, differences);
    }

    /// <summary>The parallel's words against the cited passage's, when both are there and are the same provision.</summary>
    private static IReadOnlyList<QuotationDifference> WordingDifferences(NormLookupResult parallel, NormLookupResult cited)
    {
        if (!cited.Found)
        {
            return [];
        }

        var compared = QuotationComparison.Compare(Joined(parallel.Passage), Joined(cited.Passage));
        return compared?.Differences ?? [];
    }

    private static string Joined(IReadOnlyList<Chunk> passage) => string.Join("\n", passage.Select(chunk => chunk.Text));

    private async Task<DraftQuotationFinding> CheckQuotationAsync(string text, Quotation quotation, IReadOnlyList<DraftCitationFinding> citations, DocumentAccess access, CancellationToken cancellationToken)
    {
        var line = LineOf(text, quotation.Start);
        var index = CitationOf(text, quotation, citations);
        if (index is not { } at)
        {
            return new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, null, DraftQuotationStatus.NoCitation, null, null, []);
        }

        var citation = citations[at];
        if (!citation.Lookup.Found)
        {
            return new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, at, DraftQuotationStatus.Unchecked, null, null, []);
        }

        var passage = citation.Lookup.Passage;
        if (passage.Any(chunk => QuotationMatcher.OccursIn(quotation.Content, chunk.Text) || QuotationMatcher.OccursIn(quotation.Content, chunk.HeadingPathText))
            || QuotationMatcher.OccursIn(quotation.Content, string.Join(" ", passage.Select(chunk => chunk.Text))))
        {
            return new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, at, DraftQuotationStatus.Verbatim, citation.FormattedCitation, null, []);
        }

        // Cited Abs. 1, quoted from Abs. 2: the writer should correct the address, not the words.
        var norm = passage.Count > 0 ? access.Filter(await store.GetNormAsync(passage[0].Citation.Law, passage[0].Citation.Section, cancellationToken).ConfigureAwait(false)) : [];
        var elsewhere = norm.Where(chunk => !passage.Any(p => p.Id == chunk.Id)).FirstOrDefault(chunk => QuotationMatcher.OccursIn(quotation.Content, chunk.Text));
        if (elsewhere is not null)
        {
            return new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, at, DraftQuotationStatus.InOtherPassage, CitationFormatter.Format(elsewhere.Citation), null, []);
        }

        var compared = QuotationComparison.Compare(quotation.Content, Joined(passage));
        return compared is null
            ? new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, at, DraftQuotationStatus.NotInPassage, null, null, [])
            : new DraftQuotationFinding(quotation.Start, quotation.Length, quotation.Content, line, at, DraftQuotationStatus.Altered, null, compared.PassageWording, compared.Differences);
    }

    /// <summary>
    /// The citation a quotation belongs to, within its paragraph and <see cref="QuotationReach"/>: one in brackets right after
    /// it („…“ (§ 35 Abs. 1 BauGB)), else the nearest before it (nach § 35 Abs. 1 BauGB ist „…“), else the nearest after it.
    /// </summary>
    private static int? CitationOf(string text, Quotation quotation, IReadOnlyList<DraftCitationFinding> citations)
    {
        var paragraphStart = text.LastIndexOf("\n\n", quotation.Start, StringComparison.Ordinal) is var p and >= 0 ? p : 0;
        var paragraphEnd = text.IndexOf("\n\n", quotation.End, StringComparison.Ordinal) is var e and >= 0 ? e : text.Length;
        int? before = null, after = null;
        for (var i = 0; i < citations.Count; i++)
        {
            var citation = citations[i];
            if (citation.Start + citation.Length <= quotation.Start && citation.Start >= paragraphStart && quotation.Start - (citation.Start + citation.Length) <= QuotationReach)
            {
                before = i;
            }
            else if (citation.Start >= quotation.End && citation.Start + citation.Length <= paragraphEnd && citation.Start - quotation.End <= QuotationReach)
            {
                if (BracketGap().IsMatch(text.AsSpan(quotation.End, citation.Start - quotation.End)))
                {
                    return i;
                }

                after ??= i;
            }
        }

        return before ?? after;
    }

    private static string? Excerpt(NormLookupResult lookup, Citation citation)
    {
        if (citation.Satz is not { } satz || lookup.Passage.Count != 1)
        {
            return null;
        }

        var text = lookup.Passage[0].Text;
        var sentences = GermanSentenceSplitter.Split(text);
        return satz >= 1 && satz <= sentences.Count ? sentences[satz - 1].Of(text).Trim() : null;
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex(@"^[\s,.;:]*[\(\[]\s*(?:vgl\.\s*|siehe\s*|s\.\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BracketGap();
}
