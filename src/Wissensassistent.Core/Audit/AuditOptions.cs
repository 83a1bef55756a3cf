using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Core.Audit;

/// <summary>Settings of the audit trail (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Whether questions and answers are recorded (off by default: they may hold personal data of citizens).</summary>
    public bool RecordQuestions { get; set; }

    /// <summary>Days after which recorded questions are deleted; other entries are kept.</summary>
    [Range(1, 3650)]
    public int QuestionRetentionDays { get; set; } = 30;
}
