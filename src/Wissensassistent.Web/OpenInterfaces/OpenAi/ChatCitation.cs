using System.Text.Json.Serialization;

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
