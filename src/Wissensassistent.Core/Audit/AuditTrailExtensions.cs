namespace Wissensassistent.Core.Audit;

public static class AuditTrailExtensions
{
    /// <summary>Records an action now: the one line every audited action needs.</summary>
    public static Task<AuditEntry> RecordAsync(this IAuditTrail trail, string actor, string action, string @object, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return trail.RecordAsync(new AuditEntry(DateTimeOffset.UtcNow, actor, action, @object, outcome), cancellationToken);
    }
}
