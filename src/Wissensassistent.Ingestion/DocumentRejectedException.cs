namespace Wissensassistent.Ingestion;

/// <summary>
/// A file that cannot be ingested (empty, binary, corrupt, unsupported). <see cref="Reason"/> is German and
/// meant for the people who maintain the corpus.
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    public DocumentRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    public DocumentRejectedException()
        : this("Das Dokument wurde abgelehnt.")
    {
    }

    public string Reason { get; }
}
