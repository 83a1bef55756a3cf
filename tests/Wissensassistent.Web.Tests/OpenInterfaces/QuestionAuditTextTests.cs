using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>
/// A recorded answer must not carry restricted text into the audit trail, which administrators outside the document's
/// groups can read.
/// </summary>
public sealed class QuestionAuditTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswerCitingARestrictedPassage_IsRecordedWithoutItsText()
    {
        var restricted = SampleData.Paragraph35Absatz1 with { Text = "Geheime Dienstanweisung des Personalamts.", AccessGroups = ["personalamt"] };
        var trail = new RecordingTrail();

        await Audit(trail).RecordAsync("anna", "Was gilt intern?", AnswerCiting(restricted), Ct);

        var entry = Assert.Single(trail.Entries);
        Assert.DoesNotContain("Geheime", entry.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("eingeschränkt", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCitingOnlyPublicPassages_IsRecordedWithItsText()
    {
        var trail = new RecordingTrail();

        await Audit(trail).RecordAsync("anna", "Außenbereich?", AnswerCiting(SampleData.Paragraph35Absatz1), Ct);

        Assert.Equal(SampleData.Paragraph35Absatz1.Text, Assert.Single(trail.Entries).Detail);
    }

    private static QuestionAudit Audit(IAuditTrail trail) =>
        new(trail, Options.Create(new AuditOptions { RecordQuestions = true }), TimeProvider.System);

    private static Answer AnswerCiting(Core.Chunks.Chunk chunk) =>
        new("Frage", AnswerMode.Extractive, chunk.Text, false, [new AnswerCitation(1, chunk, true, [])], VerificationReport.Empty, []);

    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditEntry> Entries { get; } = [];

        public Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        {
            Entries.Add(entry);
            return Task.FromResult(entry);
        }

        public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEntry>>(Entries);

        public Task<int> DeleteQuestionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
