using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>Answer of <c>GET /api/reindex/status</c>.</summary>
/// <param name="Active">The queued or running run; null when idle.</param>
/// <param name="Progress">Progress of the current or last run.</param>
/// <param name="LastFinished">The most recent finished run.</param>
/// <param name="Embeddings">The background embedding phase, apart from runs.</param>
public sealed record ReindexStatus(ReindexRun? Active, IndexingSnapshot Progress, ReindexRun? LastFinished, EmbeddingSnapshot? Embeddings = null);
