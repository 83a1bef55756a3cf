namespace Wissensassistent.Core.Storage;

/// <summary>
/// The knowledge store cannot be reached (a Qdrant server that is down, a network in between that drops the
/// connection). The message is German and meant for users; hosts show it instead of a generic error, because the
/// remedy lies with operations, not with the question or the page. Not sealed: each store derives its own type
/// (<c>QdrantUnavailableException</c>), and callers catch this one.
/// </summary>
public class KnowledgeStoreUnavailableException : Exception
{
    public KnowledgeStoreUnavailableException(string message)
        : base(message)
    {
    }

    public KnowledgeStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
