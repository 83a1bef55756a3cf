using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

public sealed record ChatChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] ChatMessageOutput Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason);
