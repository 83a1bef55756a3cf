namespace Wissensassistent.Core.Indexing;

/// <summary>
/// Progress of the current or last reindex run (phase, files, current file, errors): the run's own state, never
/// whether the assistant can answer; that is <see cref="KnowledgeReadiness"/>, read from the live store.
/// </summary>
public sealed class IndexingStatus() : ObservedValue<IndexingSnapshot>(IndexingSnapshot.Idle);
