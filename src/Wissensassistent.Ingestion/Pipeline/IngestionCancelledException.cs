namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>A run stopped by its cancellation token; <see cref="Partial"/> holds what it had read and written by then.</summary>
public sealed class IngestionCancelledException(IngestionReport partial, CancellationToken token)
    : OperationCanceledException("Das Einlesen wurde abgebrochen.", null, token)
{
    public IngestionReport Partial { get; } = partial;
}
