using Microsoft.AspNetCore.Http.HttpResults;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.Rest;

/// <summary>The REST API for Fachverfahren: search, one norm, a verified answer, the citation check of a text. Described at <c>/openapi/v1.json</c>.</summary>
public static class RestEndpoints
{
    public static RouteGroupBuilder MapRestApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("REST");

        api.MapGet("/search", SearchAsync)
            .WithName("SearchNorms")
            .WithSummary("Passagen suchen / search passages")
            .WithDescription("Rangliste der Passagen zu einer Frage oder Fundstelle, mit Filtern. Ranked passages for a question or citation, with filters.");

        api.MapGet("/norms/{law}/{section}", GetNormAsync)
            .WithName("GetNorm")
            .WithSummary("Eine Norm abrufen / get a norm")
            .WithDescription("Genau die zitierte Norm (oder ihren Absatz) mit Stand und Quelle; 404 mit den nächstgelegenen Normen. Exactly the cited norm or Absatz with Stand and source; 404 with the nearest norms.");

        api.MapPost("/answers", AnswerAsync)
            .WithName("Answer")
            .WithSummary("Geprüfte Antwort / verified answer")
            .WithDescription("Eine Antwort, die nur gefundene Passagen zitiert; jede Fundstelle ist geprüft. An answer that cites only retrieved passages, each citation verified.");

        api.MapPost("/citation-checks", CheckCitationsAsync)
            .WithName("CheckCitations")
            .WithSummary("Zitate prüfen / check citations")
            .WithDescription("Jede Fundstelle eines Textes im Bestand nachgeschlagen (gefunden, nicht gefunden, weggefallen, verdrängt), jedes Zitat wörtlich geprüft; der Text wird nicht gespeichert. Each citation of a text looked up (resolved, not found, repealed, displaced), each quotation verified verbatim; the text is not stored.");

        return api;
    }

    private static async Task<Results<Ok<CitationCheckView>, ProblemHttpResult>> CheckCitationsAsync(
        CitationCheckInput input, OpenInterfaceQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await queries.CheckCitationsAsync(input.Text, cancellationToken));
        }
        catch (InterfaceInputException invalid)
        {
            return BadRequest(invalid);
        }
    }

    private static async Task<Results<Ok<SearchView>, ProblemHttpResult>> SearchAsync(
        string? q, string? law, string? level, string? type, string? date, int? top, OpenInterfaceQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await queries.SearchAsync(q, InterfaceFilter.Create(law, level, type, date), top, cancellationToken));
        }
        catch (InterfaceInputException invalid)
        {
            return BadRequest(invalid);
        }
    }

    private static async Task<Results<Ok<NormView>, NotFound<NormView>>> GetNormAsync(
        string law, string section, string? absatz, string? nummer, OpenInterfaceQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.LookupAsync(law, section, absatz, nummer, cancellationToken);
        return view.Found ? TypedResults.Ok(view) : TypedResults.NotFound(view);
    }

    private static async Task<Results<Ok<AnswerView>, ProblemHttpResult>> AnswerAsync(
        AnswerInput input, OpenInterfaceQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            var history = input.History?.Select(t => new ConversationTurn(t.Question, t.Answer)).ToList();
            var filter = InterfaceFilter.Create(input.Law, input.Level, input.Type, input.Date);
            return TypedResults.Ok(await queries.AnswerAsync(input.Question, history, filter, cancellationToken));
        }
        catch (InterfaceInputException invalid)
        {
            return BadRequest(invalid);
        }
    }

    private static ProblemHttpResult BadRequest(InterfaceInputException invalid) =>
        TypedResults.Problem(detail: invalid.Message, statusCode: StatusCodes.Status400BadRequest, title: "Ungültige Anfrage");
}
