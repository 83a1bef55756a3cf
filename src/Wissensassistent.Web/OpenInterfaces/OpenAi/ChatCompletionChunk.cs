using System.Text.Json.Serialization;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary><c>chat.completion.chunk</c>; the first carries <c>citations</c>, the last <c>citations</c>, <c>refused</c> and <c>checks</c>.</summary>
public sealed record ChatCompletionChunk(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatChunkChoice> Choices,
    [property: JsonPropertyName("citations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatCitation>? Citations = null,
    [property: JsonPropertyName("refused"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Refused = null,
    [property: JsonPropertyName("checks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerChecksView? Checks = null);
