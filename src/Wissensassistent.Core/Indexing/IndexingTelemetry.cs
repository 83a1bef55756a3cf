using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wissensassistent.Core.Indexing;

/// <summary>
/// Traces and metrics of indexing under the application-wide name <see cref="Name"/>: a span per reindex run and per
/// parsed file, counters for files, chunks and errors, and the duration of runs. Tags carry paths and counts, never text.
/// </summary>
public static class IndexingTelemetry
{
    /// <summary>The ActivitySource and Meter name of the whole application.</summary>
    public const string Name = "Wissensassistent";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Files an ingestion run looked at, tagged with <c>outcome</c> (ingested, unchanged, failed).</summary>
    public static readonly Counter<long> Files = Meter.CreateCounter<long>("wissen.indexing.files", "{file}", "Files processed by ingestion");

    public static readonly Counter<long> Chunks = Meter.CreateCounter<long>("wissen.indexing.chunks", "{chunk}", "Chunks written by ingestion");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("wissen.indexing.errors", "{error}", "Files that could not be ingested");

    /// <summary>Duration of reindex runs, tagged with <c>mode</c> and <c>outcome</c>.</summary>
    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("wissen.reindex.duration", "s", "Duration of reindex runs");
}
