using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Ingestion;

/// <summary>How passages are cut into chunks. Bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed record ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary>Upper bound per chunk in cl100k tokens (the heading path is not counted). An Absatz above it is split at sentence boundaries.</summary>
    [Range(32, 8192)]
    public int MaxTokens { get; init; } = 400;
}
