using System.Text.Json.Serialization;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary>A source of an answer as the OpenAI endpoint lists it beside the text (<c>citations</c>).</summary>
public sealed record ChatCitation(
    [property: JsonPropertyName("marker")] int Marker,
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("stand")] string? Stand,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("quotes")] IReadOnlyList<string> Quotes);

public sealed record ChatMessageOutput(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

public sealed record ChatChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] ChatMessageOutput Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason);

public sealed record ChatDelta(
    [property: JsonPropertyName("role"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
    [property: JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content);

public sealed record ChatChunkChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("delta")] ChatDelta Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);

public sealed record ChatUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

/// <summary>
/// <c>chat.completion</c>; besides the OpenAI fields: <c>citations</c> (the sources the markers point to), <c>refused</c>
/// and <c>checks</c> (what verification found).
/// </summary>
public sealed record ChatCompletion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatChoice> Choices,
    [property: JsonPropertyName("usage")] ChatUsage Usage,
    [property: JsonPropertyName("citations")] IReadOnlyList<ChatCitation> Citations,
    [property: JsonPropertyName("refused")] bool Refused,
    [property: JsonPropertyName("checks")] AnswerChecksView Checks);

/// <summary><c>chat.completion.chunk</c>; the last one carries <c>citations</c>, <c>refused</c> and <c>checks</c>.</summary>
public sealed record ChatCompletionChunk(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatChunkChoice> Choices,
    [property: JsonPropertyName("citations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatCitation>? Citations = null,
    [property: JsonPropertyName("refused"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Refused = null,
    [property: JsonPropertyName("checks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerChecksView? Checks = null);

public sealed record ModelView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("owned_by")] string OwnedBy);

public sealed record ModelList(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<ModelView> Data);

public sealed record OpenAiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("code")] string? Code);

public sealed record OpenAiErrorBody([property: JsonPropertyName("error")] OpenAiError Error);
