using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary>One message; <see cref="Content"/> is a string or a list of parts (<c>{"type":"text","text":…}</c>).</summary>
public sealed record ChatMessageInput(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] JsonElement Content)
{
    /// <summary>The text of the message: the string, or its text parts joined.</summary>
    public string Text => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join(
            "\n",
            Content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object
                    && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
                    && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                .Select(part => part.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
