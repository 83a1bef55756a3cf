using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

public sealed record OpenAiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("code")] string? Code);
