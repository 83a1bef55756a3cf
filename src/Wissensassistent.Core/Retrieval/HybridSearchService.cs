using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Norm lookup first, then lexical (BM25 with feedback expansion) and dense candidates fused by reciprocal rank.
/// Filters are passed into each retriever, never applied to a finished top list.
/// </summary>
public sealed partial class HybridSearchService(
    IKnowledgeStore store,
    ITextAnalyzer analyzer,
    LawDirectory laws,
    IOptions<SearchOptions> options,
    ILogger<HybridSearchService> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null,
    ApplicableLaw? applicableLaw = null) : ISearchService
{
    /// <summary>Embedding models read a few hundred tokens; a longer query only costs time.</summary>
    private const int MaxEmbeddedQueryLength = 2_000;

    private readonly SearchOptions _options = options.Value;

    private readonly ApplicableLaw _law = applicableLaw ?? ApplicableLaw.Default;

    /// <summary>Reads the thesaurus file on first use, not at start-up.</summary>
    private readonly Lazy<UnknownWords> _unknownWords = new(() => new UnknownWords(analyzer, Thesaurus.Load(options.Value.ThesaurusFile)));

    private readonly TitleField titles = new(analyzer, options.Value.NormTitleWeight, options.Value.LawTitleWeight);

    private readonly QuestionCoverage coverage = new(analyzer, options.Value.PassageCoverageWeight, (applicableLaw ?? ApplicableLaw.Default).Profile.PlaceNames);

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var notices = new List<string>();
        var query = (request.Query ?? string.Empty).Trim();
        if (query.Length == 0)
        {
            throw new ArgumentException("Bitte geben Sie eine Frage, Suchbegriffe oder eine Fundstelle ein.", nameof(request));
        }

        if (query.Length > SearchRequest.MaxQueryLength)
        {
            query = query[..SearchRequest.MaxQueryLength];
            notices.Add(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Die Anfrage war sehr lang und wurde für die Suche auf {SearchRequest.MaxQueryLength:N0} Zeichen gekürzt."));
        }

        var top = Math.Clamp(request.Top, 1, 1_000);
        var filter = request.Filter ?? SearchFilter.None;

        var parser = await laws.GetParserAsync(filter.Access, cancellationToken);
        var named = await FindNamedNormsAsync(parser, query, filter.Access, cancellationToken);
        var namedCitations = named.Select(n => n.Citation.Norm).Distinct().ToList();

        if (named.Count > 0 && IsOnlyCitations(parser, query))
        {
            var lookupHits = named.SelectMany(n => OrderForCitation(n.Chunks, n.Citation)).Take(top).ToList();
            return Finish(query, lookupHits, namedCitations, request.Mode, stopwatch, notices);
        }

        // The query embedding and the vector scan are the slowest steps; they run on the other core from here on, while
        // the lexical query is expanded and searched.
        var mode = request.Mode;
        var denseSearch = mode is SearchMode.Dense or SearchMode.Hybrid
            ? Task.Run(() => SearchDenseAsync(query, filter, cancellationToken), cancellationToken)
            : null;

        // Short staff questions get the legal terms for their everyday words; long lay narratives get feedback expansion.
        // Which one is decided on the question's own terms: the stand-ins added below must not make a short question long.
        var questionTokens = analyzer.AnalyzeTokens(query);
        var lexicalQuery = QueryTerms.FromTokens(questionTokens);
        var questionTerms = lexicalQuery.Terms.Count;
        var isShort = questionTerms < _options.FeedbackMinQueryTerms;
        if (isShort)
        {
            var vocabulary = new StoreVocabulary(store, filter.Access);
            lexicalQuery = QueryTerms.FromTokens(questionTokens, _options.CompoundPartWeight);
            lexicalQuery = await WordFamilies.ExpandAsync(lexicalQuery, query, analyzer, vocabulary, _options.WordFamilyWeight, cancellationToken);
            lexicalQuery = await EverydayTerms.ExpandAsync(lexicalQuery, query, analyzer, EverydayVocabulary.Default, vocabulary, _options.EverydayTermWeight, _options.UnknownEverydayTermWeight, cancellationToken);
            lexicalQuery = await _unknownWords.Value.ExpandAsync(lexicalQuery, query, vocabulary, _options.ThesaurusWeight, _options.UnknownWordPartWeight, _options.UnknownWordTailWeight, cancellationToken);
        }
        var ranked = new List<(IReadOnlyList<string> Ranking, double Weight)>();
        var byId = new Dictionary<string, Chunk>(_options.Candidates, StringComparer.Ordinal);

        IReadOnlyList<PrecedenceRule>? rules = null;
        var applied = new HashSet<PrecedenceRule>();
        if (mode is SearchMode.Lexical or SearchMode.Hybrid && !lexicalQuery.IsEmpty)
        {
            var namedLaws = parser.Laws.FindLaws(query);
            var lexical = BoostNamedLaws(await SearchLexicalWithFeedbackAsync(lexicalQuery, isShort, filter, cancellationToken), _law.WithGoverningLaws(namedLaws));
            lexical = TransitionalNorms.Apply(query, lexical, _options.TransitionalNormWeight);
            lexical = NamedLand.Apply(query, lexical, _law.Profile.Land, _options.NamedLandBoost);
            lexical = KeywordQuestionLaw.Apply(lexical, questionTerms, namedLaws.Count > 0, _options.KeywordQuestionMaxTerms, _options.KeywordOwnLawBoost);
            rules = _law.RulesFor(query, lexical.Select(h => h.Chunk).ToList());
            lexical = _law.Apply(query, lexical, rules, applied);
            Collect(lexical, byId);
            ranked.Add((lexical.Select(h => h.Chunk.Id).ToList(), _options.LexicalWeight));
        }

        if (denseSearch is not null)
        {
            var dense = await denseSearch;
            if (dense is null)
            {
                if (mode == SearchMode.Dense)
                {
                    notices.Add("Für die semantische Suche ist kein Einbettungsmodell eingerichtet; es wurde lexikalisch gesucht.");
                    var lexical = await store.SearchLexicalAsync(lexicalQuery, filter, _options.Candidates, cancellationToken);
                    lexical = _law.Apply(query, lexical, _law.RulesFor(query, lexical.Select(h => h.Chunk).ToList()), applied);
                    Collect(lexical, byId);
                    ranked.Add((lexical.Select(h => h.Chunk.Id).ToList(), 1.0));
                }

                mode = SearchMode.Lexical;
            }
            else
            {
                if (dense.Count == 0)
                {
                    notices.Add("Die semantischen Einbettungen werden noch berechnet; bis dahin zählt vor allem die Wortsuche.");
                }

                dense = _law.Apply(query, dense, rules ?? _law.RulesFor(query, dense.Select(h => h.Chunk).ToList()), applied);
                Collect(dense, byId);
                ranked.Add((dense.Select(h => h.Chunk.Id).ToList(), _options.DenseWeight));
            }
        }

        var fused = RankFusion.Fuse(_options.RrfK, ranked.ToArray());
        var hits = fused.Select(f => (Chunk: byId[f.Key], f.Score)).ToList();

        if (named.Count > 0)
        {
            // A question that names a norm is answered within that norm first, then around it.
            var namedKeys = named.Select(n => n.Citation.NormKey).ToHashSet(StringComparer.Ordinal);
            var inside = hits.Where(h => namedKeys.Contains(h.Chunk.Citation.NormKey)).ToList();
            var insideIds = inside.Select(h => h.Chunk.Id).ToHashSet(StringComparer.Ordinal);
            var rest = named.SelectMany(n => n.Chunks).Where(c => !insideIds.Contains(c.Id)).Select(c => (Chunk: c, Score: 0.0));
            hits = [.. inside, .. rest, .. hits.Where(h => !namedKeys.Contains(h.Chunk.Citation.NormKey))];
        }

        return Finish(query, hits.Take(top).ToList(), namedCitations, mode, stopwatch, notices) with { AppliedRules = applied.ToList() };
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchLexicalWithFeedbackAsync(LexicalQuery query, bool isShort, SearchFilter filter, CancellationToken cancellationToken)
    {
        var first = await store.SearchLexicalAsync(query, filter, _options.Candidates, cancellationToken);
        if (_options.FeedbackDocuments == 0 || isShort || first.Count == 0)
        {
            // A short question often names the subject of a norm: its title counts as a field of its own, and the passage
            // that holds most of the question itself comes before one that holds only the law's title. Long lay narratives
            // rarely name either; they get feedback expansion instead.
            return coverage.Apply(query, titles.Boost(query, first));
        }

        var expanded = QueryTerms.Expand(analyzer, query, first.Take(_options.FeedbackDocuments).ToList(), _options.FeedbackTerms, _options.FeedbackWeight);
        return await store.SearchLexicalAsync(expanded, filter, _options.Candidates, cancellationToken);
    }

    /// <summary>"Bis wann muss nach der GemO …": a law the question names without a § ranks its passages higher.</summary>
    private IReadOnlyList<ScoredChunk> BoostNamedLaws(IReadOnlyList<ScoredChunk> hits, IReadOnlyList<string> laws)
    {
        if (laws.Count == 0 || _options.NamedLawBoost <= 0)
        {
            return hits;
        }

        var boosted = new ScoredChunk[hits.Count];
        for (var i = 0; i < boosted.Length; i++)
        {
            var h = hits[i];
            boosted[i] = laws.Contains(h.Chunk.Citation.Law, StringComparer.OrdinalIgnoreCase) ? h with { Score = h.Score * (1 + _options.NamedLawBoost) } : h;
        }

        return ScoreOrder.Descending(boosted);
    }

    /// <summary>Null when no embedding model is configured; empty while no vectors are stored yet.</summary>
    private async Task<IReadOnlyList<ScoredChunk>?> SearchDenseAsync(string query, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (embeddings is null)
        {
            return null;
        }

        var text = query.Length > MaxEmbeddedQueryLength ? query[..MaxEmbeddedQueryLength] : query;
        try
        {
            var vector = await embeddings.GenerateVectorAsync(text, EmbeddingPurpose.ForQuery(), cancellationToken);
            return await store.SearchDenseAsync(vector, filter, _options.Candidates, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or InvalidOperationException)
        {
            // A failing embedding endpoint degrades search to lexical instead of failing it.
            LogDenseFailed(logger, ex);
            return [];
        }
    }

    private async Task<IReadOnlyList<(Citation Citation, IReadOnlyList<Chunk> Chunks)>> FindNamedNormsAsync(CitationParser parser, string query, DocumentAccess access, CancellationToken cancellationToken)
    {
        var found = new List<(Citation, IReadOnlyList<Chunk>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in parser.FindAll(query))
        {
            var citation = match.Citation;
            if (string.IsNullOrEmpty(citation.Law) || !seen.Add(citation.NormKey + "|" + citation.Absatz))
            {
                continue;
            }

            var chunks = access.Filter(await store.GetNormAsync(citation.Law, citation.Section, cancellationToken));
            if (chunks.Count > 0)
            {
                found.Add((citation, chunks));
            }
        }

        return found;
    }

    /// <summary>True when nothing but citations (and filler) remains once the citations are cut out.</summary>
    private bool IsOnlyCitations(CitationParser parser, string query)
    {
        // Matches may overlap ("§§ 48, 49 VwVfG" yields two), so blank them out instead of cutting.
        var rest = query.ToCharArray();
        foreach (var match in parser.FindAll(query))
        {
            var end = Math.Min(rest.Length, match.Start + match.Length);
            for (var i = Math.Max(0, match.Start); i < end; i++)
            {
                rest[i] = ' ';
            }
        }

        return analyzer.Analyze(new string(rest)).Count == 0;
    }

    /// <summary>The cited Absatz first, then the rest of the norm in order.</summary>
    private static IEnumerable<(Chunk Chunk, double Score)> OrderForCitation(IReadOnlyList<Chunk> chunks, Citation citation) =>
        chunks
            .OrderBy(c => citation.Absatz is not null && string.Equals(c.Citation.Absatz, citation.Absatz, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.Ordinal)
            .Select(c => (c, 1.0));

    private static void Collect(IEnumerable<ScoredChunk> hits, Dictionary<string, Chunk> byId)
    {
        foreach (var hit in hits)
        {
            byId.TryAdd(hit.Chunk.Id, hit.Chunk);
        }
    }

    private SearchResult Finish(string query, IReadOnlyList<(Chunk Chunk, double Score)> hits, IReadOnlyList<Citation> named, SearchMode mode, Stopwatch stopwatch, IReadOnlyList<string> notices)
    {
        var result = new SearchResult(
            query,
            hits.Select((h, i) => new SearchHit(i + 1, h.Score, h.Chunk)).ToList(),
            named,
            mode,
            stopwatch.Elapsed,
            notices);
        LogSearched(logger, result.Hits.Count, mode, stopwatch.ElapsedMilliseconds);
        return result;
    }

    [LoggerMessage(1500, LogLevel.Debug, "Search returned {Hits} hits ({Mode}) in {ElapsedMs} ms")]
    private static partial void LogSearched(ILogger logger, int hits, SearchMode mode, long elapsedMs);

    [LoggerMessage(1501, LogLevel.Warning, "Dense retrieval failed; falling back to lexical")]
    private static partial void LogDenseFailed(ILogger logger, Exception exception);
}
