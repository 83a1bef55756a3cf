using Microsoft.Extensions.Logging;

namespace Wissensassistent.AI;

/// <summary>Log events of the AI adapters (event ids 4100-4149). Never the ApiKey, never texts.</summary>
internal static partial class LanguageModelLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "MiniLM embedding model loaded in {ElapsedMilliseconds} ms")]
    public static partial void MiniLmLoaded(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Embeddings: {Provider}, model {Model}, endpoint {Endpoint}")]
    public static partial void EmbeddingsConfigured(ILogger logger, EmbeddingProvider provider, string model, string endpoint);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Chat model: {Provider}, model {Model}, endpoint {Endpoint}, timeout {Timeout}, retries {MaxRetries}")]
    public static partial void ChatConfigured(ILogger logger, ChatProvider provider, string model, string endpoint, TimeSpan timeout, int maxRetries);
}
