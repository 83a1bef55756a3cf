using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Audit;

/// <summary>
/// Questions and answers into the audit trail, only when <see cref="AuditOptions.RecordQuestions"/> is on (they may hold
/// personal data of citizens); retention deletes them after <see cref="AuditOptions.QuestionRetentionDays"/>.
/// </summary>
public sealed class QuestionAudit(IAuditTrail audit, IOptions<AuditOptions> options, TimeProvider clock)
{
    public bool IsEnabled => options.Value.RecordQuestions;

    public Task RecordAsync(string actor, string question, Answer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsEnabled)
        {
            return Task.CompletedTask;
        }

        return audit.RecordAsync(
            new AuditEntry(clock.GetUtcNow(), actor, AuditActions.Question, question, answer.Refused ? "keine Antwort im Bestand" : "beantwortet", answer.Text),
            cancellationToken);
    }
}
