namespace Wissensassistent.Web.Admin;

public enum CorpusUploadStatus
{
    /// <summary>A new file in the corpus.</summary>
    Saved,

    /// <summary>An existing file replaced, as confirmed.</summary>
    Replaced,

    /// <summary>A file of that name exists; nothing written until replacing is confirmed.</summary>
    Exists,

    /// <summary>Not accepted (type, size, name, folder); the message says why.</summary>
    Rejected,
}
