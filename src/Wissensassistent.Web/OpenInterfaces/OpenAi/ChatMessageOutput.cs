using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

public sealed record ChatMessageOutput(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
