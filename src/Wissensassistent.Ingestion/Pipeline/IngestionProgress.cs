namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>Progress of a running ingestion, reported after every file.</summary>
public sealed record IngestionProgress(int FilesDone, int FilesTotal, string CurrentFile, int ChunksWritten, int Failed);
