using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>Settings of an ingestion run (section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Files above this size are rejected before they are read, so a stray 200 MB file cannot exhaust memory.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Documents written per store transaction.</summary>
    [Range(1, 10_000)]
    public int DocumentsPerBatch { get; set; } = 16;

    /// <summary>Chunks embedded per call of the embedding generator.</summary>
    [Range(1, 4_096)]
    public int EmbeddingBatchSize { get; set; } = 32;
}
