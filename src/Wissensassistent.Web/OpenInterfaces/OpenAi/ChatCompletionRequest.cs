using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary>The part of an OpenAI chat completion request the assistant reads; sampling settings are ignored.</summary>
public sealed record ChatCompletionRequest(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessageInput>? Messages,
    [property: JsonPropertyName("stream")] bool Stream = false);
