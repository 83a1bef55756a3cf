using System.Text.RegularExpressions;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Checks an answer against its numbered sources before it is shown as final:
/// <list type="bullet">
/// <item>every marker <c>[n]</c> must point to a source; others are removed and reported;</item>
/// <item>every quotation must occur verbatim (see <see cref="QuotationMatcher"/>) in a source its sentence cites; others are
/// marked "⚠ Zitat nicht belegt";</item>
/// <item>every sentence with a claim (see <see cref="ClaimClassifier"/>) needs a marker, and must share a content word with a
/// source it cites; others are marked "⚠ Aussage nicht belegt".</item>
/// </list>
/// When all quotations a source backs lie in one numbered item, its citation is refined to that item (<c>Nr. 4</c>).
/// </summary>
public static partial class CitationVerifier
{
    public const string UnverifiedQuotationMark = "⚠ Zitat nicht belegt";

    public const string UnsupportedClaimMark = "⚠ Aussage nicht belegt";

    private const char RemovedMarker = '\u0001';

    private const int MinTermsToJudgeSupport = 3;

    public static CitationVerification Verify(string text, IReadOnlyList<Chunk> sources)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sources);

        var issues = new List<string>();
        var (cleaned, markers, invalidMarkers) = RemoveInvalidMarkers(text, sources.Count, issues);

        var uses = new Dictionary<int, SourceUse>();
        var insertions = new List<(int Position, string Text)>();
        var quotations = QuotationMatcher.Find(cleaned);
        int quotationCount = 0, unverifiedQuotations = 0, unsupported = 0, supported = 0;

        foreach (var sentence in GermanSentenceSplitter.Split(cleaned))
        {
            var sentenceText = sentence.Of(cleaned);
            var cited = CitationMarkers.Find(sentenceText);
            foreach (var quotation in quotations.Where(q => q.Start >= sentence.Start && q.End <= sentence.End))
            {
                quotationCount++;
                if (!CheckQuotation(quotation, cited, sources, uses, issues))
                {
                    unverifiedQuotations++;
                    insertions.Add((quotation.End, " " + UnverifiedQuotationMark));
                }
            }

            if (!ClaimClassifier.IsClaim(sentenceText))
            {
                continue;
            }

            if (cited.Count > 0 && SharesWordsWith(sentenceText, cited, sources))
            {
                supported++;
                continue;
            }

            unsupported++;
            insertions.Add((sentence.End, " " + UnsupportedClaimMark));
            issues.Add(cited.Count == 0
                ? $"Aussage ohne Quellenangabe: „{Abbreviate(sentenceText)}“"
                : $"Aussage teilt kein Wort mit {string.Join(", ", cited.Select(n => $"[{n}]"))}: „{Abbreviate(sentenceText)}“");
        }

        var verified = Apply(cleaned, insertions);
        var citations = CitationMarkers.Find(verified)
            .Order()
            .Select(marker => Describe(marker, sources[marker - 1], uses.GetValueOrDefault(marker)))
            .ToList();
        var report = new VerificationReport(markers, invalidMarkers, quotationCount, unverifiedQuotations, unsupported, issues);
        return new CitationVerification(verified, report, citations, supported);
    }

    /// <summary>
    /// A lenient plausibility check for claims with a marker: a sentence with at least three content words must share one
    /// with a source it cites. It catches a marker pasted onto an unrelated claim, not a subtle misreading.
    /// </summary>
    private static bool SharesWordsWith(string sentence, IReadOnlyList<int> cited, IReadOnlyList<Chunk> sources)
    {
        var terms = ContentTerms.Extract(FollowUpResolver.WithoutNorms(CitationMarkers.Pattern().Replace(sentence, " ")));
        if (terms.Count < MinTermsToJudgeSupport)
        {
            return true;
        }

        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var marker in cited)
        {
            var chunk = sources[marker - 1];
            vocabulary.UnionWith(ContentTerms.Vocabulary($"{chunk.SearchText}\n{chunk.NormTitle}"));
        }

        return terms.Any(term => ContentTerms.Occurs(term, vocabulary));
    }

    private static (string Text, int Markers, int Invalid) RemoveInvalidMarkers(string text, int sourceCount, List<string> issues)
    {
        int markers = 0, invalid = 0;
        var cleaned = CitationMarkers.Pattern().Replace(text, match =>
        {
            var numbers = CitationMarkers.Parse(match);
            markers += numbers.Count;
            var valid = new List<int>();
            foreach (var number in numbers)
            {
                if (number >= 1 && number <= sourceCount)
                {
                    if (!valid.Contains(number))
                    {
                        valid.Add(number);
                    }

                    continue;
                }

                invalid++;
                issues.Add(sourceCount == 0
                    ? $"Verweis [{number}] zeigt auf keine Fundstelle und wurde entfernt."
                    : $"Verweis [{number}] zeigt auf keine der Fundstellen [1] bis [{sourceCount}] und wurde entfernt.");
            }

            return valid.Count == 0 ? RemovedMarker.ToString() : CitationMarkers.Format(valid);
        });

        return (RemovedMarkerPattern().Replace(cleaned, string.Empty), markers, invalid);
    }

    private static bool CheckQuotation(Quotation quotation, IReadOnlyList<int> cited, IReadOnlyList<Chunk> sources, Dictionary<int, SourceUse> uses, List<string> issues)
    {
        if (cited.Count == 0)
        {
            issues.Add($"Zitat „{Abbreviate(quotation.Content)}“ hat keine Quellenangabe.");
            return false;
        }

        foreach (var marker in cited)
        {
            var chunk = sources[marker - 1];
            var index = QuotationMatcher.IndexIn(quotation.Content, chunk.Text);
            if (index >= 0 || QuotationMatcher.OccursIn(quotation.Content, chunk.HeadingPathText))
            {
                var use = UseOf(uses, marker);
                use.Quotes.Add(quotation.Content);
                use.Items.Add(index >= 0 ? NumberedItems.ItemAt(QuotationMatcher.Normalize(chunk.Text), index) : null);
                return true;
            }
        }

        var first = UseOf(uses, cited[0]);
        first.Quotes.Add(quotation.Content);
        first.Failed = true;
        issues.Add($"Zitat „{Abbreviate(quotation.Content)}“ steht nicht wörtlich in {string.Join(", ", cited.Select(n => $"[{n}]"))}.");
        return false;
    }

    private static AnswerCitation Describe(int marker, Chunk chunk, SourceUse? use)
    {
        if (use is null)
        {
            return new AnswerCitation(marker, chunk, Verified: true, Quotes: []);
        }

        Citation? precise = null;
        if (!use.Failed && chunk.Citation.Nummer is null && use.Items.Count > 0 && use.Items.All(item => item is not null && item == use.Items[0]))
        {
            precise = chunk.Citation with { Nummer = use.Items[0] };
        }

        return new AnswerCitation(marker, chunk, !use.Failed, use.Quotes) { PreciseCitation = precise };
    }

    private static string Apply(string text, List<(int Position, string Text)> insertions)
    {
        // From the end, so that earlier positions stay valid; equal positions keep their order.
        var result = text;
        foreach (var (position, insertion) in insertions.Select((entry, order) => (entry, order))
                     .OrderByDescending(x => x.entry.Position)
                     .ThenByDescending(x => x.order)
                     .Select(x => x.entry))
        {
            result = result.Insert(position, insertion);
        }

        return result;
    }

    private static SourceUse UseOf(Dictionary<int, SourceUse> uses, int marker)
    {
        if (!uses.TryGetValue(marker, out var use))
        {
            use = new SourceUse();
            uses[marker] = use;
        }

        return use;
    }

    private static string Abbreviate(string text)
    {
        var folded = QuotationMatcher.Normalize(text);
        return folded.Length <= 80 ? folded : string.Concat(folded.AsSpan(0, 79).TrimEnd(), "…");
    }

    [GeneratedRegex("[ \t]*\u0001")]
    private static partial Regex RemovedMarkerPattern();

    private sealed class SourceUse
    {
        public List<string> Quotes { get; } = [];

        public List<string?> Items { get; } = [];

        public bool Failed { get; set; }
    }
}
