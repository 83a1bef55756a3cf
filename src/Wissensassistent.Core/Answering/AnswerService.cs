using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Grounded answers: resolve a follow-up, retrieve, keep only relevant passages (or refuse), then write the answer with the
/// chat model when one is configured, or extractively otherwise, and verify every citation before the final update.
/// A chat model that fails, stalls or answers without support is replaced by the extractive answer, with a notice.
/// </summary>
public sealed class AnswerService : IAnswerService
{
    public const string ExtractiveNotice = ExtractiveAnswerComposer.Label;

    public const string ModelUnavailableNotice = "Das Sprachmodell ist nicht erreichbar; die Antwort wurde extraktiv erstellt.";

    public const string ModelAnswerRejectedNotice =
        "Die Antwort des Sprachmodells war nicht durch die Fundstellen belegt und wurde verworfen; die Antwort wurde extraktiv erstellt.";

    public const string ModelAnswerEmptyNotice = "Das Sprachmodell hat keine Antwort geliefert; die Antwort wurde extraktiv erstellt.";

    public const string RefusalOpening = "Dazu enthält der Bestand keine Regelung";

    private const int MaxPassages = 20;

    private const int MaxRewrittenQuestionLength = 1_000;

    /// <summary>Hits read for a passage with the asked figure when the first ones state none.</summary>
    private const int WideSearch = 60;

    /// <summary>How many of the best norms are completed with their other Absätze, and with how many passages at most.</summary>
    private const int NormsCompleted = 2;

    private const int MaxPassagesPerCompletedNorm = 10;

    private readonly ISearchService _search;
    private readonly IChatClient? _chatClient;
    private readonly IKnowledgeStore? _store;
    private readonly ITextAnalyzer? _analyzer;
    private readonly ILogger<AnswerService> _logger;
    private readonly AnswerOptions _options;
    private readonly IReadOnlyList<string> _placeNames;

    /// <param name="deployment">The Gemeinde, Landkreis and Land, whose names are not content words of a question.</param>
    /// <param name="store">When given, the best norms' other Absätze join the sources, so that the sentence that states the
    /// asked fact is found even where search ranked only a neighbouring Absatz.</param>
    /// <param name="analyzer">With <paramref name="store"/>: tells the refusal gate which of the question's nouns the corpus lacks.</param>
    public AnswerService(ISearchService search, ILogger<AnswerService> logger, IOptions<AnswerOptions> options, IChatClient? chatClient = null, IKnowledgeStore? store = null, IOptions<DeploymentProfile>? deployment = null, ITextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _search = search;
        _logger = logger;
        _options = options.Value;
        _chatClient = chatClient;
        _store = store;
        _analyzer = analyzer;
        _placeNames = (deployment?.Value ?? new DeploymentProfile()).PlaceNames;
    }

    /// <exception cref="ArgumentException">An empty question (checked at once, not on first iteration).</exception>
    public IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new ArgumentException("Die Frage ist leer. Bitte geben Sie eine Frage ein.", nameof(request));
        }

        return AskCoreAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<AnswerUpdate> AskCoreAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var question = request.Question.Trim();
        AnswerLog.Started(_logger, question.Length, request.History?.Count ?? 0);
        if (question.Length > AnswerRequest.MaxQuestionLength)
        {
            AnswerLog.QuestionTooLong(_logger, question.Length, AnswerRequest.MaxQuestionLength);
            var text = $"Die Frage ist mit {Thousands(question.Length)} Zeichen zu lang; erlaubt sind höchstens {Thousands(AnswerRequest.MaxQuestionLength)} Zeichen. "
                + "Bitte kürzen Sie die Frage auf das Wesentliche und fragen Sie erneut.";
            yield return new SourcesUpdate([], AnswerMode.Extractive);
            yield return new TextUpdate(text);
            yield return new FinalUpdate(new Answer(question, AnswerMode.Extractive, text, Refused: true, [], VerificationReport.Empty, []));
            yield break;
        }

        var query = await ResolveQuestionAsync(question, request.History, cancellationToken).ConfigureAwait(false);
        var passages = Math.Clamp(request.Passages, 1, MaxPassages);
        var result = await _search.SearchAsync(
            new SearchRequest(query, Top: Math.Max(passages * 2, 10), Mode: SearchMode.Hybrid, Filter: request.Filter),
            cancellationToken).ConfigureAwait(false);
        var assessment = RelevanceAssessor.Assess(query, result, _options, passages, _placeNames);
        AnswerLog.Retrieved(_logger, result.Hits.Count, result.Mode.ToString(), assessment.Relevant.Count);
        var notices = new List<string>(result.Notices);

        var access = request.Filter?.Access ?? DocumentAccess.Public;
        var (sources, draft) = assessment.Relevant.Count == 0
            ? ([], null)
            : await CompleteNormsAsync(query, assessment.Relevant, access, cancellationToken).ConfigureAwait(false);
        var answerable = sources.Count > 0 && await StatesAskedFactAsync(query, sources, access, cancellationToken).ConfigureAwait(false);
        if (!answerable && QuestionIntents.AskedFigure(query) != QuestionIntent.None)
        {
            // The passage with the asked figure may rank below norms that repeat the question's words (the fee table of the
            // Entschädigungssatzung under the Feuerwehrsatzung's norm on the Stellvertreter): the wider search adds the
            // passages that state the figure for the matter, and the answer rests on them only if the gate then passes.
            var wide = await _search.SearchAsync(new SearchRequest(query, Top: WideSearch, Mode: SearchMode.Hybrid, Filter: request.Filter), cancellationToken).ConfigureAwait(false);
            var known = sources.Select(chunk => chunk.Id).ToHashSet(StringComparer.Ordinal);
            var stating = wide.Hits
                .Where(hit => !known.Contains(hit.Chunk.Id) && RelevanceAssessor.StatesAskedFactForTheWholeMatter(query, hit.Chunk, _placeNames))
                .Take(passages)
                .ToList();
            if (stating.Count > 0)
            {
                var (widened, _) = await CompleteNormsAsync(query, [.. assessment.Relevant, .. stating], access, cancellationToken).ConfigureAwait(false);
                if (await StatesAskedFactAsync(query, widened, access, cancellationToken).ConfigureAwait(false))
                {
                    (sources, draft, answerable) = (widened, null, true);
                }
            }
        }

        if (!answerable)
        {
            AnswerLog.Refused(_logger);
            var text = Refusal(assessment.Nearest, request.Filter is { IsEmpty: false });
            yield return new SourcesUpdate([], AnswerMode.Extractive);
            yield return new TextUpdate(text);
            yield return new FinalUpdate(new Answer(question, AnswerMode.Extractive, text, Refused: true, [], VerificationReport.Empty, notices));
            yield break;
        }

        var plannedMode = _chatClient is null ? AnswerMode.Extractive : AnswerMode.Generative;
        yield return new SourcesUpdate(sources.Select((chunk, i) => new AnswerCitation(i + 1, chunk, Verified: false, Quotes: [])).ToList(), plannedMode);

        if (_chatClient is not null)
        {
            var generated = new StringBuilder();
            Exception? failure = null;
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(_options.ModelIdleTimeout);
            var messages = GroundedPromptBuilder.Build(question, sources, request.History, LawNotes(result.AppliedRules, sources));
            var stream = _chatClient.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = _options.Temperature }, idle.Token).GetAsyncEnumerator(idle.Token);
            try
            {
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await stream.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = stream.Current;
                        idle.CancelAfter(_options.ModelIdleTimeout);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Connection refused, HTTP errors, timeouts and stalls: the user still gets an answer.
                        failure = ex;
                        break;
                    }

                    if (update.Text is { Length: > 0 } delta)
                    {
                        generated.Append(delta);
                        yield return new TextUpdate(delta);
                    }
                }
            }
            finally
            {
                await DisposeQuietlyAsync(stream).ConfigureAwait(false);
            }

            if (failure is not null)
            {
                AnswerLog.ModelUnavailable(_logger, failure.GetType().Name, failure);
                notices.Add(ModelUnavailableNotice);
            }
            else if (string.IsNullOrWhiteSpace(generated.ToString()))
            {
                AnswerLog.ModelAnswerEmpty(_logger);
                notices.Add(ModelAnswerEmptyNotice);
            }
            else
            {
                var verification = CitationVerifier.Verify(generated.ToString().Trim(), sources);
                if (verification.SupportedClaims > 0 || verification.Report.UnsupportedSentences == 0)
                {
                    yield return Final(question, AnswerMode.Generative, WithLawNotes(verification, result.AppliedRules), notices);
                    yield break;
                }

                // Nothing in it is backed by a source (an obeyed injection, an answer from general knowledge): not shown.
                AnswerLog.ModelAnswerRejected(_logger, verification.Report.UnsupportedSentences);
                notices.Add(ModelAnswerRejectedNotice);
                notices.AddRange(verification.Report.Issues.Select(issue => $"Verworfene Modellantwort – {issue}"));
            }

            notices.Add(ExtractiveNotice);
            yield return Final(question, AnswerMode.Extractive, WithLawNotes(Extract(query, sources, draft), result.AppliedRules), notices);
            yield break;
        }

        var extractive = WithLawNotes(Extract(query, sources, draft), result.AppliedRules);
        notices.Add(ExtractiveNotice);
        yield return new TextUpdate(extractive.Text);
        yield return Final(question, AnswerMode.Extractive, extractive, notices);
    }

    /// <summary>
    /// The relevant passages, then the other Absätze of the best norms and of the norms a first answer quotes, in statute
    /// order; with that first answer when nothing joined after it (composing again over the same sources gives the same text).
    /// </summary>
    private async Task<(List<Chunk> Sources, string? Draft)> CompleteNormsAsync(string query, IReadOnlyList<SearchHit> relevant, DocumentAccess access, CancellationToken cancellationToken)
    {
        var sources = relevant.Select(hit => hit.Chunk).ToList();
        if (_store is null)
        {
            return (sources, null);
        }

        var ids = sources.Select(chunk => chunk.Id).ToHashSet(StringComparer.Ordinal);
        var completed = new HashSet<string>(StringComparer.Ordinal);
        await CompleteAsync(sources.Select(chunk => chunk.Citation).DistinctBy(citation => citation.NormKey).Take(NormsCompleted).ToList()).ConfigureAwait(false);

        // A norm whose heading names the asked figure ("§ 5 Steuersatz") holds it in the Absatz search may have missed (the
        // ordinary rate in Abs. 1 where the question's words stand in Abs. 2): it is completed too, wherever it ranked.
        var intent = QuestionIntents.Of(query);
        await CompleteAsync(sources
            .Where(chunk => !completed.Contains(chunk.Citation.NormKey) && QuestionIntents.HeadingNamesAsked(intent, chunk.NormTitle ?? chunk.HeadingPath.LastOrDefault()))
            .Select(chunk => chunk.Citation)
            .DistinctBy(citation => citation.NormKey)
            .Take(NormsCompleted)
            .ToList()).ConfigureAwait(false);

        // The answer may quote a later norm (the one whose sentence states the asked fact): its other Absätze join too, so
        // that its conditions are found as well as those of the best-ranked norms.
        var draft = ExtractiveAnswerComposer.Compose(query, sources, _options, _placeNames);
        var quoted = CitationMarkers.Find(draft)
            .Where(marker => marker >= 1 && marker <= sources.Count)
            .Select(marker => sources[marker - 1].Citation)
            .Where(citation => !completed.Contains(citation.NormKey))
            .DistinctBy(citation => citation.NormKey)
            .Take(NormsCompleted)
            .ToList();
        var drafted = sources.Count;
        await CompleteAsync(quoted).ConfigureAwait(false);
        return (sources, sources.Count == drafted ? draft : null);

        async Task CompleteAsync(IReadOnlyList<Citation> norms)
        {
            foreach (var norm in norms)
            {
                completed.Add(norm.NormKey);

                // A norm's other Absätze may sit in a file the reader may not see (a restricted supplement).
                var passages = access.Filter(await _store!.GetNormAsync(norm.Law, norm.Section, cancellationToken).ConfigureAwait(false));
                if (passages.Count <= MaxPassagesPerCompletedNorm)
                {
                    sources.AddRange(passages.Where(chunk => !chunk.IsRepealed && ids.Add(chunk.Id)));
                }
            }
        }
    }

    /// <summary>The refusal gate's second half (<see cref="RelevanceAssessor.StatesAskedFact"/>), with the nouns the corpus lacks.</summary>
    private async Task<bool> StatesAskedFactAsync(string query, IReadOnlyList<Chunk> sources, DocumentAccess access, CancellationToken cancellationToken) =>
        RelevanceAssessor.StatesAskedFact(query, sources, _placeNames)
        || RelevanceAssessor.StatesAskedFact(query, sources, _placeNames, await NounsUnknownToCorpusAsync(query, access, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The stems of the question's nouns that no passage the reader may see holds, for the refusal gate; empty without a store
    /// and analyzer. Asked only when the gate would refuse, one lexical look-up per noun.
    /// </summary>
    private async Task<IReadOnlySet<string>> NounsUnknownToCorpusAsync(string query, DocumentAccess access, CancellationToken cancellationToken)
    {
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        if (_store is null || _analyzer is null)
        {
            return unknown;
        }

        var vocabulary = new StoreVocabulary(_store, access);
        foreach (var noun in QuestionTerms.NounWords(FollowUpResolver.WithoutNorms(query)).Distinct(StringComparer.Ordinal))
        {
            if (ContentTerms.StemOf(noun) is { } stem
                && _analyzer.Analyze(noun).FirstOrDefault() is { } term
                && !await vocabulary.ContainsAsync(term, cancellationToken).ConfigureAwait(false))
            {
                unknown.Add(stem);
            }
        }

        return unknown;
    }

    private CitationVerification Extract(string query, IReadOnlyList<Chunk> sources, string? draft) =>
        CitationVerifier.Verify(draft ?? ExtractiveAnswerComposer.Compose(query, sources, _options, _placeNames), sources);

    /// <summary>
    /// The applicable-law note of each precedence rule that displaced a parallel, where the answer cites the law that applies
    /// (or a law of the rule's context). It comes from the reviewed table, not from the sources, so it is added after verification.
    /// </summary>
    private static CitationVerification WithLawNotes(CitationVerification verification, IReadOnlyList<PrecedenceRule> rules)
    {
        var notes = LawNotes(rules, verification.Citations.Select(c => c.Chunk).ToList());
        return notes.Count == 0 ? verification : verification with { Text = $"{verification.Text}\n\n{string.Join("\n", notes)}" };
    }

    private static IReadOnlyList<string> LawNotes(IReadOnlyList<PrecedenceRule> rules, IReadOnlyList<Chunk> cited) =>
        rules
            .Where(rule => cited.Any(chunk => string.Equals(chunk.Citation.Law, rule.Applies, StringComparison.OrdinalIgnoreCase) || rule.IsContext(chunk.Citation.Law)))
            .Select(rule => rule.Note)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private FinalUpdate Final(string question, AnswerMode mode, CitationVerification verification, IReadOnlyList<string> notices)
    {
        var report = verification.Report;
        AnswerLog.Verified(_logger, mode, report.Markers, report.InvalidMarkers, report.Quotations, report.UnverifiedQuotations, report.UnsupportedSentences);
        return new FinalUpdate(new Answer(question, mode, verification.Text, Refused: false, verification.Citations, report, notices));
    }

    private async Task<string> ResolveQuestionAsync(string question, IReadOnlyList<ConversationTurn>? history, CancellationToken cancellationToken)
    {
        if (history is not { Count: > 0 } || !FollowUpResolver.IsFollowUp(question))
        {
            return question;
        }

        if (_options.RewriteFollowUpsWithModel && _chatClient is not null)
        {
            var rewritten = await RewriteWithModelAsync(question, history, cancellationToken).ConfigureAwait(false);
            if (rewritten is not null)
            {
                AnswerLog.FollowUpResolved(_logger, "model", rewritten.Length);
                return rewritten;
            }
        }

        var resolved = FollowUpResolver.Resolve(question, history);
        AnswerLog.FollowUpResolved(_logger, "heuristic", resolved.Length);
        return resolved;
    }

    private async Task<string?> RewriteWithModelAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var prompt = new StringBuilder("Bisherige Fragen:\n");
        foreach (var turn in history.TakeLast(3))
        {
            prompt.Append("- ").Append(turn.Question.ReplaceLineEndings(" ")).Append('\n');
        }

        prompt.Append("Folgefrage: ").Append(question.ReplaceLineEndings(" ")).Append('\n')
            .Append("Formuliere die Folgefrage als eigenständige Frage, die ohne die bisherigen Fragen verständlich ist. ")
            .Append("Übernimm genannte Vorschriften. Gib nur die Frage aus, in einer Zeile.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ModelIdleTimeout);
        try
        {
            var response = await _chatClient!.GetResponseAsync(
                [new ChatMessage(ChatRole.User, prompt.ToString())], new ChatOptions { Temperature = _options.Temperature }, timeout.Token).ConfigureAwait(false);
            var text = response.Text.Trim();
            return text.Length is > 0 and <= MaxRewrittenQuestionLength && !text.Contains('\n', StringComparison.Ordinal) ? text : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            AnswerLog.FollowUpRewriteFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    private static string Refusal(IReadOnlyList<Chunk> nearest, bool filtered)
    {
        var text = new StringBuilder(RefusalOpening);
        text.Append(filtered ? " (mit den gewählten Filtern)" : string.Empty).Append(", die die Frage beantwortet. ");
        if (nearest.Count == 0)
        {
            text.Append("Die Suche hat keine Fundstellen ergeben.");
        }
        else
        {
            text.Append("Am nächsten kommen: ")
                .AppendJoin("; ", nearest.Select(chunk => chunk.NormTitle is { Length: > 0 } title
                    ? $"{CitationFormatter.FormatNorm(chunk.Citation)} ({title})"
                    : CitationFormatter.FormatNorm(chunk.Citation)))
                .Append('.');
        }

        return text.Append(" Eine Antwort aus allgemeinem Wissen wird nicht gegeben; bitte formulieren Sie die Frage anders oder nennen Sie die Vorschrift.").ToString();
    }

    private static string Thousands(int value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<ChatResponseUpdate> stream)
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // A broken or cancelled stream may complain once more while closing; the failure was handled already.
        }
    }
}
