using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.EmbeddedStore.Feedback;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests.DataFolders;

public sealed class DataFolderBackupTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _data = new();
    private readonly TemporaryDirectory _backups = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DataFolder Data => new() { Directory = _data.Path };

    public void Dispose()
    {
        _data.Dispose();
        _backups.Dispose();
    }

    [Fact]
    public async Task Backup_WhileTheAppReadsAndWrites_HoldsFeedbackAuditKeysAndTheLiveStore_AndRestoresByReplacingTheFolder()
    {
        var data = Options.Create(Data);
        var migration = new LegacyLayoutMigration(data, Options.Create(new EmbeddedStoreOptions()), NullLogger<LegacyLayoutMigration>.Instance);
        using var feedback = new SqliteFeedbackStore(data, migration);
        using var audit = new SqliteAuditTrail(data);
        await feedback.SaveAsync(new FeedbackEntry(Guid.NewGuid(), FeedbackKind.CitationWrong, Monday, AnswerMode.Extractive, ["c1"], "§ 35 Abs. 1 BauGB"), Ct);
        await audit.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.SignIn, "Anmeldung", "erfolgreich"), Ct);
        Directory.CreateDirectory(Data.KeysDirectory);
        await File.WriteAllTextAsync(Path.Combine(Data.KeysDirectory, "key-1.xml"), "<key />", Ct);
        await using var store = StoreFactory.Open(Data.StoreDirectory);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);

        // A reader in the middle of a transaction, as the admin page is while it lists the trail.
        await using var reader = new SqliteConnection($"Data Source={audit.DatabasePath};Pooling=False");
        await reader.OpenAsync(Ct);
        await using var reading = reader.BeginTransaction(deferred: true);
        await using (var select = reader.CreateCommand())
        {
            select.CommandText = "SELECT COUNT(*) FROM audit";
            await select.ExecuteScalarAsync(Ct);
        }

        var target = Path.Combine(_backups.Path, "2026-12-01");
        var report = await new DataFolderBackup(Data, store).CreateAsync(target, Ct);
        await reading.RollbackAsync(Ct);

        Assert.Contains(report.Files, f => f.Name == "feedback.db");
        Assert.Contains(report.Files, f => f.Name == "audit.db");
        Assert.Contains(report.Files, f => f.Name == "keys/key-1.xml");
        Assert.Contains(report.Files, f => f.Name == "store/" + Path.GetFileName(store.DatabasePath));
        Assert.False(File.Exists(Path.Combine(target, "audit.db-wal")), "The copy stands alone, without a write-ahead log.");
        Assert.Empty(report.Skipped);

        // Restoring is opening the backup as the data folder.
        var restored = Options.Create(new DataFolder { Directory = target });
        using var restoredFeedback = new SqliteFeedbackStore(restored, new LegacyLayoutMigration(restored, Options.Create(new EmbeddedStoreOptions()), NullLogger<LegacyLayoutMigration>.Instance));
        Assert.Equal("§ 35 Abs. 1 BauGB", Assert.Single(await restoredFeedback.ListAsync(10, Ct)).Citation);
        using var restoredAudit = new SqliteAuditTrail(restored);
        Assert.Equal("chefin", Assert.Single(await restoredAudit.QueryAsync(new AuditQuery(), Ct)).Actor);
        await using var restoredStore = StoreFactory.Open(restored.Value.StoreDirectory);
        Assert.NotEmpty(await restoredStore.GetNormAsync("BauGB", "35", Ct));
    }

    [Fact]
    public async Task Backup_IntoANonEmptyFolderOrIntoTheDataFolder_IsRefusedInGerman_AndWritesNothing()
    {
        using var audit = new SqliteAuditTrail(Options.Create(Data));
        await audit.RecordAsync(new AuditEntry(Monday, "chefin", AuditActions.SignIn, "Anmeldung", "erfolgreich"), Ct);
        var occupied = Directory.CreateDirectory(Path.Combine(_backups.Path, "alt")).FullName;
        await File.WriteAllTextAsync(Path.Combine(occupied, "notiz.txt"), "bleibt", Ct);
        var before = Directory.GetFileSystemEntries(_data.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var intoOccupied = await Assert.ThrowsAsync<ArgumentException>(() => new DataFolderBackup(Data).CreateAsync(occupied, Ct));
        var intoData = await Assert.ThrowsAsync<ArgumentException>(() => new DataFolderBackup(Data).CreateAsync(Path.Combine(_data.Path, "sicherung"), Ct));

        Assert.Contains("nicht leer", intoOccupied.Message, StringComparison.Ordinal);
        Assert.Contains("nicht im Datenordner", intoData.Message, StringComparison.Ordinal);
        Assert.Equal(["notiz.txt"], Directory.GetFileSystemEntries(occupied).Select(Path.GetFileName));
        Assert.Equal(before, Directory.GetFileSystemEntries(_data.Path, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task Backup_OntoAFile_IsRefusedAsAFile_AndLeavesItAsItWas()
    {
        Directory.CreateDirectory(_data.Path);
        var file = Path.Combine(_backups.Path, "sicherung.zip");
        await File.WriteAllTextAsync(file, "bleibt", Ct);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => new DataFolderBackup(Data).CreateAsync(file, Ct));

        Assert.Contains("ist eine Datei", refused.Message, StringComparison.Ordinal);
        Assert.Equal("bleibt", await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Backup_OfADamagedDatabase_FailsWithAGermanMessageNamingTheFile()
    {
        Directory.CreateDirectory(_data.Path);
        await File.WriteAllTextAsync(Data.FeedbackDatabase, "Dies ist keine SQLite-Datei, sondern Text, der lang genug ist, um als Kopf gelesen zu werden.", Ct);

        var failure = await Assert.ThrowsAsync<IOException>(() => new DataFolderBackup(Data).CreateAsync(Path.Combine(_backups.Path, "neu"), Ct));

        Assert.StartsWith("feedback.db konnte nicht gesichert werden", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_SkipsASymbolicLinkAmongTheUploads_AndSaysSo()
    {
        Directory.CreateDirectory(Data.UploadsDirectory);
        await File.WriteAllTextAsync(Path.Combine(Data.UploadsDirectory, "satzung.md"), "# Satzung", Ct);
        var outside = Path.Combine(_backups.Path, "geheim.txt");
        await File.WriteAllTextAsync(outside, "nicht sichern", Ct);
        File.CreateSymbolicLink(Path.Combine(Data.UploadsDirectory, "verweis.md"), outside);

        var report = await new DataFolderBackup(Data).CreateAsync(Path.Combine(_backups.Path, "neu"), Ct);

        Assert.Contains(report.Files, f => f.Name == "uploads/satzung.md");
        Assert.DoesNotContain(report.Files, f => f.Name == "uploads/verweis.md");
        Assert.Contains(report.Skipped, s => s.StartsWith("uploads/verweis.md: symbolischer Verweis", StringComparison.Ordinal));
    }
}
