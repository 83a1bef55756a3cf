using Microsoft.Extensions.Logging;

namespace Wissensassistent.AI;

/// <summary>Log events of the AI adapters (event ids 4100-4149). Never the ApiKey, never texts.</summary>
internal static partial class LanguageModelLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "MiniLM embedding model loaded in {ElapsedMilliseconds} ms")]
    public static partial void MiniLmLoaded(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "ONNX embedding model {ModelId} loaded from {ModelFile} in {ElapsedMilliseconds} ms: {Tokenizer}, {Dimensions} dimensions, {Pooling} pooling, at most {MaxSequenceLength} tokens, {Threads} thread(s)")]
    public static partial void OnnxLoaded(ILogger logger, string modelId, string modelFile, long elapsedMilliseconds, Embeddings.ModelTokenizerKind tokenizer, int dimensions, EmbeddingPooling pooling, int maxSequenceLength, int threads);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Embeddings: {Provider}, model {Model}, endpoint {Endpoint}")]
    public static partial void EmbeddingsConfigured(ILogger logger, EmbeddingProvider provider, string model, string endpoint);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Chat model: {Provider}, model {Model}, endpoint {Endpoint}, timeout {Timeout}, retries {MaxRetries}")]
    public static partial void ChatConfigured(ILogger logger, ChatProvider provider, string model, string endpoint, TimeSpan timeout, int maxRetries);
}
