namespace Wissensassistent.Core.Audit;

/// <summary>
/// One line of the audit trail: who did what to which object, and how it ended. Never a password; the text of a
/// question only under <see cref="AuditActions.Question"/> and only when <see cref="AuditOptions.RecordQuestions"/> is on.
/// </summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Actor">The account name, or a system actor of <see cref="AuditActors"/>.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Object">What the action concerned: an account, a file, a run, a key (German, for the admin area).</param>
/// <param name="Outcome">How it ended (German): „erfolgreich“, „abgelehnt: …“, „fehlgeschlagen“.</param>
/// <param name="Detail">The answer text of a recorded question; null otherwise.</param>
public sealed record AuditEntry(DateTimeOffset Time, string Actor, string Action, string Object, string Outcome, string? Detail = null)
{
    /// <summary>Assigned by the trail on recording, ascending; 0 before.</summary>
    public long Id { get; init; }
}
