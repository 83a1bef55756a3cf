using Microsoft.Extensions.Logging;

namespace Wissensassistent.Testing;

public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    /// <summary>Everything the entry carries, for "never contains" assertions.</summary>
    public string All => $"{Category} {Message} {Values} {Exception}";
}
