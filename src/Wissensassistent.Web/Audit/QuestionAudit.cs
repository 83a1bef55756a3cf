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
    public const string RestrictedAnswer = "(Antwort zitiert Stellen mit eingeschränktem Zugriff; ihr Text wird nicht aufgezeichnet.)";

    public bool IsEnabled => options.Value.RecordQuestions;

    public Task RecordAsync(string actor, string question, Answer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsEnabled)
        {
            return Task.CompletedTask;
        }

        // Administrators read the trail whatever their groups: an answer quoting a restricted passage keeps its text out.
        var text = answer.Citations.Any(citation => citation.Chunk.AccessGroups.Count > 0)
            ? RestrictedAnswer
            : answer.Text;
        return audit.RecordAsync(
            new AuditEntry(clock.GetUtcNow(), actor, AuditActions.Question, question, answer.Refused ? "keine Antwort im Bestand" : "beantwortet", text),
            cancellationToken);
    }
}
