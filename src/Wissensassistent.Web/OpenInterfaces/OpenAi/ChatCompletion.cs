using System.Text.Json.Serialization;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

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
