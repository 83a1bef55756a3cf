namespace Wissensassistent.Core.Audit;

/// <summary>
/// The append-only record of who did what (<see cref="AuditEntry"/>). Entries are never changed; the only removal is
/// retention of <see cref="AuditActions.Question"/> entries (<see cref="DeleteQuestionsBeforeAsync"/>).
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends the entry; returns it with its id.</summary>
    Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Removes recorded questions older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteQuestionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
