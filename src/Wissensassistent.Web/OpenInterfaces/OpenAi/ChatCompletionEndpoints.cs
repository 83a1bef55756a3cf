using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary>
/// <c>/v1/models</c> and <c>/v1/chat/completions</c>: the assistant as one OpenAI-compatible model. The content is the
/// verified answer with its markers <c>[n]</c> and a closing list of sources; the sources are also a structured
/// <c>citations</c> list. A stream sends the verified answer only, never unverified draft text.
/// </summary>
public static class ChatCompletionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RouteGroupBuilder MapOpenAiCompatible(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v1 = endpoints.MapGroup("/v1").WithTags("OpenAI");
        v1.MapGet("/models", (IOptions<OpenInterfacesOptions> options) => TypedResults.Ok(new ModelList("list", [Model(options.Value)])))
            .WithName("ListModels")
            .WithSummary("Modelle / models (OpenAI-kompatibel)");
        v1.MapPost("/chat/completions", CompleteAsync)
            .WithName("ChatCompletions")
            .WithSummary("Chat-Antwort / chat completion (OpenAI-kompatibel, auch als Stream)");
        return v1;
    }

    private static ModelView Model(OpenInterfacesOptions options) => new(options.ModelName, "model", 1_764_547_200, "wissensassistent");

    private static async Task CompleteAsync(
        HttpContext context, ChatCompletionRequest request, OpenInterfaceQueries queries, IOptions<OpenInterfacesOptions> options, TimeProvider clock)
    {
        var cancellationToken = context.RequestAborted;
        var model = options.Value.ModelName;
        if (request.Model is { Length: > 0 } asked && !string.Equals(asked, model, StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, $"Das Modell „{Shorten(asked)}“ gibt es hier nicht; verfügbar ist „{model}“.", "model_not_found");
            return;
        }

        AnswerView answer;
        try
        {
            var conversation = ChatConversation.From(request.Messages);
            answer = await queries.AnswerAsync(conversation.Question, conversation.History, Core.Storage.SearchFilter.None, cancellationToken);
        }
        catch (InterfaceInputException invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, invalid.Message, null);
            return;
        }

        var id = "chatcmpl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var citations = answer.Citations.Select(c => Citation(c, baseUrl)).ToList();
        var content = Content(answer);
        if (!request.Stream)
        {
            var completion = new ChatCompletion(
                id,
                "chat.completion",
                created,
                model,
                [new ChatChoice(0, new ChatMessageOutput("assistant", content), "stop")],
                new ChatUsage(0, 0, 0),
                citations,
                answer.Refused,
                answer.Checks);
            await context.Response.WriteAsJsonAsync(completion, Json, cancellationToken);
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        // The sources are known before the first word (only the verified answer is sent): clients that read them from
        // the first chunk (the Perplexity convention) find them there, the others in the last one.
        await SendAsync(context, new ChatCompletionChunk(
            id, "chat.completion.chunk", created, model, [new ChatChunkChoice(0, new ChatDelta("assistant", string.Empty), null)], citations));
        foreach (var piece in Pieces(content))
        {
            await SendAsync(context, new ChatCompletionChunk(id, "chat.completion.chunk", created, model, [new ChatChunkChoice(0, new ChatDelta(null, piece), null)]));
        }

        await SendAsync(context, new ChatCompletionChunk(
            id, "chat.completion.chunk", created, model, [new ChatChunkChoice(0, new ChatDelta(null, null), "stop")], citations, answer.Refused, answer.Checks));
        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The answer text, then the sources its markers point to, so that any client shows where each claim stands.</summary>
    public static string Content(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Citations.Count == 0)
        {
            return answer.Text;
        }

        var text = new StringBuilder(answer.Text.TrimEnd()).Append("\n\n**Quellen**\n");
        foreach (var citation in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- [{citation.Marker}] {citation.Citation}");
            if (citation.Passage.Stand is { Length: > 0 } stand)
            {
                text.Append(CultureInfo.InvariantCulture, $" (Stand: {stand})");
            }

            text.Append(citation.Verified ? string.Empty : " – nicht bestätigt");
        }

        return text.ToString();
    }

    private static ChatCitation Citation(AnswerCitationView citation, string baseUrl) => new(
        citation.Marker,
        citation.Citation,
        citation.Passage.NormTitle is { Length: > 0 } title ? $"{citation.Citation} – {title}" : citation.Citation,
        citation.Passage.Text,
        citation.Passage.Stand,
        citation.Passage.Source,
        baseUrl + citation.Passage.Link,
        citation.Verified,
        citation.Quotes);

    /// <summary>Paragraph by paragraph, each with its line breaks, so that the joined pieces are the content exactly.</summary>
    private static IEnumerable<string> Pieces(string content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? content.Length : end + 2;
            yield return content[start..end];
            start = end;
        }
    }

    private static async Task SendAsync(HttpContext context, ChatCompletionChunk chunk)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, Json) + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string message, string? code)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new OpenAiErrorBody(new OpenAiError(message, "invalid_request_error", code)), Json, context.RequestAborted);
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
