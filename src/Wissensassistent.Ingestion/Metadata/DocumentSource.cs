namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// One file, already turned into Markdown (DOCX and PDF are converted first), with its path relative to the corpus.
/// <paramref name="TitleHint"/> is a title the container format states (DOCX core properties).
/// </summary>
internal sealed record DocumentSource(string RelativePath, string Markdown, string? TitleHint, bool HasFrontMatter)
{
    public string FileStem => Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>The folder below the top folder (<c>GEM-BBO</c> in <c>kommune/GEM-BBO/x.md</c>), if any.</summary>
    public string? SubFolder
    {
        get
        {
            var parts = RelativePath.Split('/');
            return parts.Length > 2 ? parts[1] : null;
        }
    }
}
