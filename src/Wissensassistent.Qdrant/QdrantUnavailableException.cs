using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant;

/// <summary>Qdrant did not answer in time, even after the configured retries. The message is German and shown to users.</summary>
public sealed class QdrantUnavailableException : KnowledgeStoreUnavailableException
{
    public QdrantUnavailableException(string message)
        : base(message)
    {
    }

    public QdrantUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
