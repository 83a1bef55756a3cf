namespace Wissensassistent.Web.Admin;

/// <param name="Message">German, for the administrator.</param>
/// <param name="RelativePath">Path in the corpus, forward slashes, when a file was written or exists.</param>
public sealed record CorpusUploadResult(CorpusUploadStatus Status, string Message, string? RelativePath = null)
{
    public bool IsWritten => Status is CorpusUploadStatus.Saved or CorpusUploadStatus.Replaced;
}
