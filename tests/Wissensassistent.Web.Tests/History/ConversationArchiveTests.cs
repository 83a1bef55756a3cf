using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Testing;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.History;

/// <summary>history.db: each user sees and changes only their own conversations; they survive a restart until retention.</summary>
public sealed class ConversationArchiveTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-history");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AConversation_IsVisibleToItsOwnerOnly_AndOthersCannotChangeIt()
    {
        using var archive = Open();
        var id = await AnsweredAsync(archive, "k.meier", "Wer darf Akten einsehen?", "Jede Person nach § 1 IFG.");

        Assert.Null(await archive.GetAsync("m.mueller", id, Ct));
        Assert.Empty(await archive.ListAsync("m.mueller", null, 10, Ct));
        Assert.Empty(await archive.ListAsync("m.mueller", "Akten", 10, Ct));
        Assert.False(await archive.BeginTurnAsync("m.mueller", id, "Übernahme", Guid.NewGuid(), "Meine Frage?", DateTimeOffset.UtcNow, Ct));
        await archive.DeleteAsync("m.mueller", id, Ct);

        var own = await archive.GetAsync("K.MEIER", id, Ct);
        Assert.NotNull(own);
        Assert.Equal(["Wer darf Akten einsehen?"], own.Value.Conversation.Turns.Select(t => t.Answer.Question));
        Assert.Empty(own.Value.Pending);
        Assert.Equal(1, Assert.Single(await archive.ListAsync("k.meier", null, 10, Ct)).Turns);
    }

    [Fact]
    public async Task Conversations_SurviveARestart_AreSearchable_AndDeletable()
    {
        Guid permit, records;
        using (var archive = Open())
        {
            permit = await AnsweredAsync(archive, "k.meier", "Wie lange gilt eine Baugenehmigung?", "Drei Jahre nach Erteilung.");
            records = await AnsweredAsync(archive, "k.meier", "Wer darf Akten einsehen?", "Jede Person; 100%_sicher.");
        }

        using var reopened = Open();
        Assert.Equal([permit], (await reopened.ListAsync("k.meier", "baugenehmigung", 10, Ct)).Select(s => s.Id));
        Assert.Equal([permit], (await reopened.ListAsync("k.meier", "drei jahre", 10, Ct)).Select(s => s.Id));
        Assert.Equal([records], (await reopened.ListAsync("k.meier", "100%_", 10, Ct)).Select(s => s.Id));
        Assert.Empty(await reopened.ListAsync("k.meier", "Jahre%", 10, Ct));

        await reopened.DeleteAsync("k.meier", permit, Ct);

        Assert.Equal([records], (await reopened.ListAsync("k.meier", null, 10, Ct)).Select(s => s.Id));
        Assert.Null(await reopened.GetAsync("k.meier", permit, Ct));
    }

    [Fact]
    public async Task APendingQuestion_IsKept_UntilItsAnswerIsStored()
    {
        using var archive = Open();
        var id = Guid.NewGuid();
        var turn = Guid.NewGuid();
        Assert.True(await archive.BeginTurnAsync("k.meier", id, "Fristen", turn, "Welche Frist gilt?", DateTimeOffset.UtcNow, Ct));

        var pending = await archive.GetAsync("k.meier", id, Ct);
        Assert.Equal("Welche Frist gilt?", Assert.Single(pending!.Value.Pending).Question);
        Assert.Equal(0, Assert.Single(await archive.ListAsync("k.meier", null, 10, Ct)).Turns);

        await archive.CompleteTurnAsync("m.mueller", turn, SampleData.Answer("Welche Frist gilt?", "Fremd."), DateTimeOffset.UtcNow, Ct);
        Assert.Single((await archive.GetAsync("k.meier", id, Ct))!.Value.Pending);

        await archive.CompleteTurnAsync("k.meier", turn, SampleData.Answer("Welche Frist gilt?", "Ein Monat."), DateTimeOffset.UtcNow, Ct);
        var done = (await archive.GetAsync("k.meier", id, Ct))!.Value;
        Assert.Empty(done.Pending);
        Assert.Equal("Ein Monat.", Assert.Single(done.Conversation.Turns).Answer.Text);
    }

    [Fact]
    public async Task Retention_DeletesConversationsUntouchedTooLong_AndRecordedQuestionsPastTheirPeriod()
    {
        using var archive = Open();
        using var trail = new SqliteAuditTrail(Options.Create(new DataFolder { Directory = _folder.Path }));
        var now = DateTimeOffset.UtcNow;
        var old = await AnsweredAsync(archive, "k.meier", "Alte Frage?", "Alte Antwort.", now.AddDays(-100));
        var recent = await AnsweredAsync(archive, "k.meier", "Neue Frage?", "Neue Antwort.", now.AddDays(-10));
        await trail.RecordAsync(new AuditEntry(now.AddDays(-40), "k.meier", AuditActions.Question, "Alte Frage?", "beantwortet", "Alte Antwort."), Ct);
        await trail.RecordAsync(new AuditEntry(now.AddDays(-40), "chefin", AuditActions.RoleChanged, "k.meier", "erfolgreich"), Ct);
        var retention = new DataRetention(
            archive,
            trail,
            Options.Create(new HistoryOptions { RetentionDays = 90 }),
            Options.Create(new AuditOptions { QuestionRetentionDays = 30 }),
            TimeProvider.System,
            NullLogger<DataRetention>.Instance);

        Assert.Equal((1, 1), await retention.ApplyAsync(Ct));

        Assert.Equal([recent], (await archive.ListAsync("k.meier", null, 10, Ct)).Select(s => s.Id));
        Assert.Null(await archive.GetAsync("k.meier", old, Ct));
        Assert.Equal([AuditActions.RoleChanged], (await trail.QueryAsync(new AuditQuery(), Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task DeletingAnOwnersHistory_LeavesOthersAlone()
    {
        using var archive = Open();
        await AnsweredAsync(archive, "k.meier", "Frage A?", "Antwort A.");
        var other = await AnsweredAsync(archive, "m.mueller", "Frage B?", "Antwort B.");

        await archive.DeleteOwnerAsync("k.meier", Ct);

        Assert.Empty(await archive.ListAsync("k.meier", null, 10, Ct));
        Assert.Equal([other], (await archive.ListAsync("m.mueller", null, 10, Ct)).Select(s => s.Id));
    }

    private static async Task<Guid> AnsweredAsync(ConversationArchive archive, string owner, string question, string answer, DateTimeOffset? at = null)
    {
        var id = Guid.NewGuid();
        var turn = Guid.NewGuid();
        var time = at ?? DateTimeOffset.UtcNow;
        Assert.True(await archive.BeginTurnAsync(owner, id, question, turn, question, time, Ct));
        await archive.CompleteTurnAsync(owner, turn, SampleData.Answer(question, answer), time, Ct);
        return id;
    }

    private ConversationArchive Open() => new(Options.Create(new DataFolder { Directory = _folder.Path }));
}
