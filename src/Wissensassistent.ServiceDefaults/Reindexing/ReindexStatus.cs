using Wissensassistent.Core.Indexing;

namespace Wissensassistent.ServiceDefaults.Reindexing;

/// <summary>Answer of <c>GET /api/reindex/status</c>.</summary>
/// <param name="Active">The queued or running run; null when idle.</param>
/// <param name="Progress">Progress of ingestion and embedding.</param>
/// <param name="LastFinished">The most recent finished run.</param>
public sealed record ReindexStatus(ReindexRun? Active, IndexingSnapshot Progress, ReindexRun? LastFinished);
