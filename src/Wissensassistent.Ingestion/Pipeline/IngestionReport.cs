using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>What one ingestion run did.</summary>
/// <param name="FilesSeen">Supported files found in the corpus.</param>
/// <param name="Ingested">Files parsed and written (new or changed).</param>
/// <param name="Unchanged">Files skipped because their content hash is already stored.</param>
/// <param name="Deleted">Documents removed because their file is gone.</param>
/// <param name="Skipped">Files of an unsupported type and refused symbolic links (outside the root, loops, duplicates), with the reason.</param>
/// <param name="Failed">Files that could not be ingested, with the reason; every other file was ingested.</param>
/// <param name="Norms">Distinct norms in the written documents.</param>
/// <param name="Chunks">Chunks written.</param>
public sealed record IngestionReport(
    int FilesSeen,
    IReadOnlyList<string> Ingested,
    int Unchanged,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<FileError> Skipped,
    IReadOnlyList<FileError> Failed,
    IReadOnlyList<FileError> Warnings,
    int Norms,
    int Chunks,
    TimeSpan Elapsed)
{
    public bool ChangedAnything => Ingested.Count > 0 || Deleted.Count > 0;
}
