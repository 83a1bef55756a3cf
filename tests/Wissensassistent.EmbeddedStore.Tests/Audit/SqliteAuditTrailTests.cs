using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;

namespace Wissensassistent.EmbeddedStore.Tests.Audit;

public sealed class SqliteAuditTrailTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Entries_SurviveARestart_AndAreFilteredByActionActorAndPeriod()
    {
        using (var trail = Open())
        {
            await trail.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.RoleChanged, "m.meier: Rolle Sachbearbeitung → Verwaltung", "erfolgreich"), Ct);
            await trail.RecordAsync(new AuditEntry(Monday.AddDays(1), "chefin", AuditActions.Upload, "hochgeladen/kommune/satzung.md", "erfolgreich"), Ct);
            await trail.RecordAsync(new AuditEntry(Monday.AddDays(2), "m.meier", AuditActions.SignIn, "Anmeldung von 10.0.0.1", "erfolgreich"), Ct);
        }

        using var reopened = Open();
        var all = await reopened.QueryAsync(new AuditQuery(), Ct);
        Assert.Equal([AuditActions.SignIn, AuditActions.Upload, AuditActions.RoleChanged], all.Select(e => e.Action));
        Assert.Equal(["m.meier", "chefin", "chefin"], all.Select(e => e.Actor));

        Assert.Single(await reopened.QueryAsync(new AuditQuery(Action: AuditActions.Upload), Ct));
        Assert.Equal(2, (await reopened.QueryAsync(new AuditQuery(Actor: "CHEFIN"), Ct)).Count);
        var tuesday = await reopened.QueryAsync(new AuditQuery(From: Monday.AddDays(1), Until: Monday.AddDays(2)), Ct);
        Assert.Equal("hochgeladen/kommune/satzung.md", Assert.Single(tuesday).Object);
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeleted_EvenWithSqlOnTheFile()
    {
        using var trail = Open();
        await trail.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.AccountDeleted, "m.weg", "erfolgreich"), Ct);

        await using var connection = new SqliteConnection($"Data Source={trail.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit SET actor = 'jemand'";
        Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit";
        Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery());

        var entry = Assert.Single(await trail.QueryAsync(new AuditQuery(), Ct));
        Assert.Equal("chefin", entry.Actor);
    }

    [Fact]
    public async Task AnEntry_IsWritten_WhileAnotherConnectionIsReadingTheTrail()
    {
        // The admin page reads the trail while questions and sign-ins are recorded: the writer must not wait for the
        // reader (with a rollback journal the commit fails at once with "database is locked", and the entry is lost).
        using var trail = Open();
        await trail.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.SignIn, "Anmeldung", "erfolgreich"), Ct);

        await using var reader = new SqliteConnection($"Data Source={trail.DatabasePath};Pooling=False");
        await reader.OpenAsync(Ct);
        await using var reading = reader.BeginTransaction(deferred: true);
        await using (var select = reader.CreateCommand())
        {
            select.CommandText = "SELECT COUNT(*) FROM audit";
            Assert.Equal(1L, await select.ExecuteScalarAsync(Ct));
        }

        var write = trail.RecordAsync(new AuditEntry(Monday.AddMinutes(1), "m.meier", AuditActions.SignIn, "Anmeldung", "erfolgreich"), Ct);
        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(10), Ct));
        await reading.RollbackAsync(Ct);

        Assert.Same(write, finished);
        await write;
        Assert.Equal(2, (await trail.QueryAsync(new AuditQuery(), Ct)).Count);
    }

    [Fact]
    public async Task QuestionRetention_RemovesOldQuestionsOnly()
    {
        using var trail = Open();
        await trail.RecordAsync(new AuditEntry(Monday, "m.meier", AuditActions.Question, "Wie lange gilt eine Baugenehmigung?", "beantwortet", "Drei Jahre."), Ct);
        await trail.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.PasswordReset, "m.meier", "erfolgreich"), Ct);
        await trail.RecordAsync(new AuditEntry(Monday.AddDays(40), "m.meier", AuditActions.Question, "Wer entscheidet?", "beantwortet", "Die Gemeinde."), Ct);

        Assert.Equal(1, await trail.DeleteQuestionsBeforeAsync(Monday.AddDays(10), Ct));

        var left = await trail.QueryAsync(new AuditQuery(), Ct);
        Assert.Equal(["Wer entscheidet?", "m.meier"], left.Select(e => e.Object));
    }

    [Fact]
    public async Task LongTexts_AreCut_SoAnEntryNamesThingsWithoutCarryingThem()
    {
        using var trail = Open();
        var recorded = await trail.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.Upload, new string('x', 5_000), "erfolgreich"), Ct);

        Assert.True(recorded.Id > 0);
        Assert.Equal(SqliteAuditTrail.MaxFieldLength, recorded.Object.Length);
        Assert.Equal(recorded.Object, Assert.Single(await trail.QueryAsync(new AuditQuery(), Ct)).Object);
    }

    private SqliteAuditTrail Open() => new(Options.Create(new DataFolder { Directory = _folder.Path }));
}
