using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// The folders ingestion reads, together: the shipped corpus, which the application never writes, and the uploads
/// folder in the data folder. A document id is its path relative to its root; ids of uploaded documents start with
/// <see cref="UploadPrefix"/>, so source paths say which root a document came from.
/// </summary>
public sealed class CorpusRoots(IOptions<CorpusOptions> corpus, IOptions<DataFolder> data)
{
    /// <summary>Prefix of the ids of uploaded documents (<c>hochgeladen/kommune/GEM-BBO/x.md</c>).</summary>
    public const string UploadPrefix = "hochgeladen/";

    /// <summary>The shipped corpus folder.</summary>
    public string Corpus => corpus.Value.ResolvePath();

    /// <summary>Where uploads are written; may not exist yet.</summary>
    public string Uploads => data.Value.UploadsDirectory;

    public IReadOnlyList<CorpusRoot> All => [new(Corpus, string.Empty, Required: true), new(Uploads, UploadPrefix, Required: false)];

    /// <summary>The path of a document relative to its own root: the id without <see cref="UploadPrefix"/>.</summary>
    public static string WithinRoot(string documentId) =>
        documentId.StartsWith(UploadPrefix, StringComparison.Ordinal) ? documentId[UploadPrefix.Length..] : documentId;
}

/// <param name="Path">The folder.</param>
/// <param name="IdPrefix">Put before each file's relative path to make its document id.</param>
/// <param name="Required">A missing required root is an error; a missing optional one holds no documents.</param>
public sealed record CorpusRoot(string Path, string IdPrefix, bool Required);
