using System.Text.Json.Serialization;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

public sealed record OpenAiErrorBody([property: JsonPropertyName("error")] OpenAiError Error);
