namespace Wissensassistent.Core.Drafts;

/// <summary>A draft that cannot be checked (empty, too long, an unreadable file); <see cref="Exception.Message"/> is German and never quotes the draft.</summary>
public sealed class DraftRejectedException : Exception
{
    public DraftRejectedException(string reason)
        : base(reason)
    {
    }

    public DraftRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    public DraftRejectedException()
        : this("Der Entwurf kann nicht geprüft werden.")
    {
    }
}
