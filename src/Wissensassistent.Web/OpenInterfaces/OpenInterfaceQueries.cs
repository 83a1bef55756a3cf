using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.OpenInterfaces.Contracts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>
/// Search, norm lookup, answers and the citation check, as the MCP tools, the REST API and the OpenAI endpoint share them. Every query reads
/// as the caller: the API key's account, or the OIDC token's groups (<see cref="ReaderGroups"/>), set here once for all
/// interfaces, so that no endpoint can forget it.
/// </summary>
public sealed class OpenInterfaceQueries(
    ISearchService search,
    NormLookup norms,
    IAnswerService answers,
    DraftCitationCheck drafts,
    QuestionAudit questions,
    IHttpContextAccessor http,
    IOptions<OpenInterfacesOptions> options)
{
    public const int DefaultTop = 10;

    /// <exception cref="InterfaceInputException">An empty or overlong query, or a top out of range.</exception>
    public async Task<SearchView> SearchAsync(string? query, SearchFilter filter, int? top, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InterfaceInputException("Bitte einen Suchbegriff oder eine Frage angeben.");
        }

        var count = top ?? DefaultTop;
        if (count < 1 || count > options.Value.MaxTop)
        {
            throw new InterfaceInputException($"„top“ muss zwischen 1 und {options.Value.MaxTop} liegen.");
        }

        var result = await search.SearchAsync(new SearchRequest(query.Trim(), count, SearchMode.Hybrid, AsCaller(filter)), cancellationToken).ConfigureAwait(false);
        return InterfaceViews.Of(result);
    }

    /// <summary>Every address in <paramref name="citation"/>, each resolved.</summary>
    public async Task<NormLookupView> LookupAsync(string? citation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(citation))
        {
            throw new InterfaceInputException("Bitte eine Fundstelle angeben, etwa „§ 35 Abs. 1 BauGB“.");
        }

        if (citation.Length > 500)
        {
            throw new InterfaceInputException("Eine Fundstelle hat höchstens 500 Zeichen.");
        }

        var results = await norms.LookupAsync(citation, Caller, cancellationToken).ConfigureAwait(false);
        return new NormLookupView(results.Select(InterfaceViews.Of).ToList());
    }

    /// <summary>One address given in parts (the REST path <c>/api/norms/{law}/{section}</c>).</summary>
    public async Task<NormView> LookupAsync(string law, string section, string? absatz, string? nummer, CancellationToken cancellationToken) =>
        InterfaceViews.Of(await norms.LookupAsync(law, section, absatz, nummer, Caller, cancellationToken).ConfigureAwait(false));

    /// <summary>Every citation of <paramref name="text"/> resolved, every quotation checked verbatim; nothing of the text is kept or logged.</summary>
    /// <exception cref="InterfaceInputException">An empty or overlong text.</exception>
    public async Task<CitationCheckView> CheckCitationsAsync(string? text, CancellationToken cancellationToken)
    {
        try
        {
            return InterfaceViews.Of(await drafts.CheckAsync(text ?? string.Empty, Caller, cancellationToken).ConfigureAwait(false));
        }
        catch (DraftRejectedException rejected)
        {
            throw new InterfaceInputException(rejected.Message);
        }
    }

    /// <summary>The verified answer; into the audit trail, with the key's account, when questions are recorded.</summary>
    public async Task<AnswerView> AnswerAsync(string? question, IReadOnlyList<ConversationTurn>? history, SearchFilter filter, CancellationToken cancellationToken)
    {
        var request = Request(question, history, filter);
        var answer = await answers.AskAsync(request, cancellationToken).ConfigureAwait(false);
        await questions.RecordAsync(AuditActorName.Of(http.HttpContext?.User), request.Question, answer, cancellationToken).ConfigureAwait(false);
        return InterfaceViews.Of(answer);
    }

    /// <summary>The request the chat would send, with the last <see cref="OpenInterfacesOptions.HistoryTurns"/> turns.</summary>
    public AnswerRequest Request(string? question, IReadOnlyList<ConversationTurn>? history, SearchFilter filter)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new InterfaceInputException("Bitte eine Frage stellen.");
        }

        if (question.Length > AnswerRequest.MaxQuestionLength)
        {
            throw new InterfaceInputException($"Eine Frage hat höchstens {AnswerRequest.MaxQuestionLength} Zeichen.");
        }

        var turns = history?.TakeLast(options.Value.HistoryTurns).ToList();
        return new AnswerRequest(question.Trim(), turns is { Count: > 0 } ? turns : null, AsCaller(filter));
    }

    /// <summary>What the caller of this request may read; without a request, public documents only.</summary>
    private DocumentAccess Caller => ReaderGroups.AccessOf(http.HttpContext?.User);

    private SearchFilter AsCaller(SearchFilter filter) => filter with { Access = Caller };
}
