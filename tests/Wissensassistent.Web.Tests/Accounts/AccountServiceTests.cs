using Microsoft.Extensions.Logging.Abstractions;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;
using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.Accounts;

public sealed class AccountServiceTests : IDisposable
{
    private readonly LocalAccounts _local = new("wissen-accounts");

    private const string Client = "10.0.0.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task StoredPassword_IsAHashNotThePlaintext_AndVerifiesOnlyTheRightPassword()
    {
        const string password = "geheimes-Passwort-123";
        await _local.Accounts.CreateAsync("m.meier", AppRoles.Staff, password, Ct);

        var stored = await _local.Store.FindAsync("M.MEIER", Ct);

        Assert.NotNull(stored);
        Assert.DoesNotContain(password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(password, SqliteFileText.Read(_local.Store.DatabasePath), StringComparison.Ordinal);
        Assert.True((await _local.Accounts.CheckPasswordAsync("m.meier", password, Client, Ct)).Succeeded);
        Assert.False((await _local.Accounts.CheckPasswordAsync("m.meier", password + "x", Client, Ct)).Succeeded);
        Assert.False((await _local.Accounts.CheckPasswordAsync("niemand", password, Client, Ct)).Succeeded);
    }

    [Fact]
    public async Task SignIns_AreRecorded_FailuresAlike_AndNoPasswordIsKept()
    {
        const string password = "geheimes-Passwort-123";
        await _local.Accounts.CreateAsync("m.meier", AppRoles.Staff, password, Ct);

        await _local.Accounts.CheckPasswordAsync("m.meier", password, Client, Ct);
        await _local.Accounts.CheckPasswordAsync("m.meier", "falsches-Passwort-1", Client, Ct);
        await _local.Accounts.CheckPasswordAsync("geheimes-Passwort-9", password, Client, Ct);

        var entries = await _local.Audit.QueryAsync(new AuditQuery(), Ct);
        Assert.Equal(
            [(AuditActors.UnknownName, AuditActions.SignInFailed), ("m.meier", AuditActions.SignInFailed), ("m.meier", AuditActions.SignIn)],
            entries.Select(e => (e.Actor, e.Action)));
        Assert.All(entries, e => Assert.Equal($"Anmeldung von {Client}", e.Object));
        Assert.Equal(["fehlgeschlagen", "fehlgeschlagen"], entries.Where(e => e.Action == AuditActions.SignInFailed).Select(e => e.Outcome));
        var file = SqliteFileText.Read(_local.Audit.DatabasePath);
        Assert.DoesNotContain("Passwort", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnPasswordChange_IsRecorded_AndAWrongCurrentPasswordAsRefused()
    {
        await _local.Accounts.CreateAsync("m.meier", AppRoles.Staff, "altes-Passwort-1234", Ct);

        await _local.Accounts.ChangePasswordAsync("m.meier", "falsch-falsch-1234", "neues-Passwort-5678", Client, Ct);
        await _local.Accounts.ChangePasswordAsync("m.meier", "altes-Passwort-1234", "neues-Passwort-5678", Client, Ct);

        var entries = await _local.Audit.QueryAsync(new AuditQuery(Action: AuditActions.PasswordChanged), Ct);
        Assert.Equal(["erfolgreich", "abgelehnt: Das bisherige Passwort ist falsch."], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(("m.meier", "m.meier"), (e.Actor, e.Object)));
        Assert.DoesNotContain("Passwort-5678", SqliteFileText.Read(_local.Audit.DatabasePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitialAdmin_IsRecordedAsCreatedByTheSystem()
    {
        await new InitialAdmin(_local.Accounts, _local.Store, _local.Audit, NullLogger<InitialAdmin>.Instance).EnsureAsync(TextWriter.Null, Ct);

        var entry = Assert.Single(await _local.Audit.QueryAsync(new AuditQuery(Action: AuditActions.AccountCreated), Ct));
        Assert.Equal((AuditActors.System, "admin (Rolle Verwaltung)"), (entry.Actor, entry.Object));
    }

    [Fact]
    public async Task Create_RefusesShortPasswordsUnknownRolesBadNamesAndDuplicates()
    {
        Assert.Contains("mindestens", (await _local.Accounts.CreateAsync("a.b", AppRoles.Staff, "kurz", Ct)).Error, StringComparison.Ordinal);
        Assert.False((await _local.Accounts.CreateAsync("a.b", "Root", "lang-genug-123456", Ct)).Succeeded);
        Assert.False((await _local.Accounts.CreateAsync("../x", AppRoles.Staff, "lang-genug-123456", Ct)).Succeeded);
        Assert.True((await _local.Accounts.CreateAsync("a.b", AppRoles.Staff, "lang-genug-123456", Ct)).Succeeded);
        Assert.Contains("gibt es schon", (await _local.Accounts.CreateAsync("A.B", AppRoles.Admin, "lang-genug-123456", Ct)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitialAdmin_IsCreatedExactlyOnce_AndItsPasswordPrintedOnce()
    {
        var initial = new InitialAdmin(_local.Accounts, _local.Store, _local.Audit, NullLogger<InitialAdmin>.Instance);
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.True(await initial.EnsureAsync(first, Ct));
        Assert.False(await initial.EnsureAsync(second, Ct));

        var password = System.Text.RegularExpressions.Regex.Match(first.ToString(), "Passwort: (\\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.True((await _local.Accounts.CheckPasswordAsync(InitialAdmin.UserName, password, Client, Ct)).Succeeded);
        Assert.Equal(string.Empty, second.ToString());
        Assert.Single(await _local.Store.ListAsync(Ct));
    }

    [Fact]
    public async Task SetRole_KeepsTheLastAdministrator()
    {
        await _local.Accounts.CreateAsync("chefin", AppRoles.Admin, "lang-genug-123456", Ct);

        var demoted = await _local.Accounts.SetRoleAsync("chefin", AppRoles.Staff, Ct);

        Assert.False(demoted.Succeeded);
        Assert.Equal(AppRoles.Admin, (await _local.Store.FindAsync("chefin", Ct))?.Role);
    }

    [Fact]
    public async Task SetPassword_ReplacesTheOldOne_AndLiftsALockout()
    {
        await _local.Accounts.CreateAsync("k.neu", AppRoles.Staff, "altes-Passwort-1234", Ct);
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await _local.Accounts.CheckPasswordAsync("k.neu", "falsch", Client, Ct);
        }

        Assert.NotNull((await _local.Accounts.CheckPasswordAsync("k.neu", "altes-Passwort-1234", Client, Ct)).LockedUntil);

        await _local.Accounts.SetPasswordAsync("k.neu", "neues-Passwort-1234", Ct);

        Assert.False((await _local.Accounts.CheckPasswordAsync("k.neu", "altes-Passwort-1234", Client, Ct)).Succeeded);
        Assert.True((await _local.Accounts.CheckPasswordAsync("k.neu", "neues-Passwort-1234", Client, Ct)).Succeeded);
    }

    [Fact]
    public async Task LastActiveAdministrator_CanNeitherBeDisabledDeletedNorDemoted_OthersCan()
    {
        await _local.Accounts.CreateAsync("chefin", AppRoles.Admin, "lang-genug-123456", Ct);
        await _local.Accounts.CreateAsync("vertretung", AppRoles.Admin, "lang-genug-123456", Ct);

        Assert.True((await _local.Accounts.SetDisabledAsync("vertretung", true, Ct)).Succeeded);

        // A disabled administrator does not count: chefin is the last active one now.
        Assert.Contains("nicht deaktiviert", (await _local.Accounts.SetDisabledAsync("chefin", true, Ct)).Error, StringComparison.Ordinal);
        Assert.Contains("nicht gelöscht", (await _local.Accounts.DeleteAsync("chefin", Ct)).Error, StringComparison.Ordinal);
        Assert.False((await _local.Accounts.SetRoleAsync("chefin", AppRoles.Staff, Ct)).Succeeded);
        Assert.Equal(1, await _local.Store.CountActiveInRoleAsync(AppRoles.Admin, Ct));

        Assert.True((await _local.Accounts.DeleteAsync("vertretung", Ct)).Succeeded);
        Assert.Null(await _local.Store.FindAsync("vertretung", Ct));
        Assert.Equal(AppRoles.Admin, (await _local.Store.FindAsync("chefin", Ct))?.Role);
        Assert.False((await _local.Store.FindAsync("chefin", Ct))!.IsDisabled);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_UntilEnabledAgain()
    {
        await _local.Accounts.CreateAsync("k.ruhend", AppRoles.Staff, "lang-genug-123456", Ct);

        Assert.True((await _local.Accounts.SetDisabledAsync("k.ruhend", true, Ct)).Succeeded);
        Assert.False((await _local.Accounts.CheckPasswordAsync("k.ruhend", "lang-genug-123456", Client, Ct)).Succeeded);

        Assert.True((await _local.Accounts.SetDisabledAsync("k.ruhend", false, Ct)).Succeeded);
        Assert.True((await _local.Accounts.CheckPasswordAsync("k.ruhend", "lang-genug-123456", Client, Ct)).Succeeded);
    }

    [Fact]
    public async Task EveryChangeThatEndsSignIns_GivesANewSecurityStamp_AndIsAnnounced()
    {
        await _local.Accounts.CreateAsync("k.stempel", AppRoles.Staff, "lang-genug-123456", Ct);
        var announced = new List<string>();
        _local.Accounts.AccountChanged += announced.Add;
        var stamps = new List<string> { (await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp };

        Assert.True((await _local.Accounts.SetPasswordAsync("k.stempel", "zurueckgesetzt-123", Ct)).Succeeded);
        stamps.Add((await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp);
        Assert.True((await _local.Accounts.SetRoleAsync("k.stempel", AppRoles.LegalOfficer, Ct)).Succeeded);
        stamps.Add((await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp);
        Assert.True((await _local.Accounts.SetDisabledAsync("k.stempel", true, Ct)).Succeeded);
        stamps.Add((await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp);
        Assert.True((await _local.Accounts.SetDisabledAsync("k.stempel", false, Ct)).Succeeded);
        stamps.Add((await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp);
        Assert.True((await _local.Accounts.ChangePasswordAsync("k.stempel", "zurueckgesetzt-123", "selbst-gewaehlt-456", Client, Ct)).Succeeded);
        stamps.Add((await _local.Store.FindAsync("k.stempel", Ct))!.SecurityStamp);

        Assert.Equal(stamps.Count, stamps.Distinct(StringComparer.Ordinal).Count());
        Assert.All(stamps, stamp => Assert.Equal(32, stamp.Length));
        Assert.Equal(5, announced.Count(name => name == "k.stempel"));
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_AndANewDifferentLongEnoughPassword()
    {
        await _local.Accounts.CreateAsync("k.selbst", AppRoles.Staff, "altes-Passwort-1234", Ct);

        Assert.Equal("Das bisherige Passwort ist falsch.", (await _local.Accounts.ChangePasswordAsync("k.selbst", "geraten-123456", "neues-Passwort-1234", Client, Ct)).Error);
        Assert.Contains("mindestens", (await _local.Accounts.ChangePasswordAsync("k.selbst", "altes-Passwort-1234", "kurz", Client, Ct)).Error, StringComparison.Ordinal);
        Assert.Contains("unterscheiden", (await _local.Accounts.ChangePasswordAsync("k.selbst", "altes-Passwort-1234", "altes-Passwort-1234", Client, Ct)).Error, StringComparison.Ordinal);
        Assert.True((await _local.Accounts.ChangePasswordAsync("k.selbst", "altes-Passwort-1234", "neues-Passwort-1234", Client, Ct)).Succeeded);

        Assert.False((await _local.Accounts.CheckPasswordAsync("k.selbst", "altes-Passwort-1234", Client, Ct)).Succeeded);
        Assert.True((await _local.Accounts.CheckPasswordAsync("k.selbst", "neues-Passwort-1234", Client, Ct)).Succeeded);
    }

    [Fact]
    public async Task Lockout_CountsPerClientAndName_SoAnotherClientStillSignsIn_AndUnknownNamesLockAlike()
    {
        await _local.Accounts.CreateAsync("k.ziel", AppRoles.Admin, "lang-genug-123456", Ct);
        SignInResult? known = null, unknown = null;
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            known = await _local.Accounts.CheckPasswordAsync("k.ziel", "geraten-" + i, "203.0.113.1", Ct);
            unknown = await _local.Accounts.CheckPasswordAsync("k.niemand", "geraten-" + i, "203.0.113.1", Ct);
        }

        Assert.NotNull(known?.LockedUntil);
        Assert.NotNull(unknown?.LockedUntil);
        Assert.False((await _local.Accounts.CheckPasswordAsync("k.ziel", "lang-genug-123456", "203.0.113.1", Ct)).Succeeded);
        Assert.True((await _local.Accounts.CheckPasswordAsync("K.ZIEL", "lang-genug-123456", "10.0.0.2", Ct)).Succeeded);
    }

    [Fact]
    public async Task InitialAdmin_ConsoleText_NamesThePasswordPage()
    {
        var initial = new InitialAdmin(_local.Accounts, _local.Store, _local.Audit, NullLogger<InitialAdmin>.Instance);
        using var console = new StringWriter();

        await initial.EnsureAsync(console, Ct);

        Assert.Contains("unter /konto/passwort ändern", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersTableOfAnOlderVersion_GetsStampAndStatusColumns_AndItsAccountsKeepWorking()
    {
        var path = _local.Store.DatabasePath;
        var hash = new Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>().HashPassword(null!, "altes-Konto-123456");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE users (
                    user_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT NULL
                );
                INSERT INTO users VALUES ('alt.admin', 'Admin', $hash, '2025-01-01T00:00:00.0000000+00:00', 2, NULL);
                """;
            command.Parameters.AddWithValue("$hash", hash);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var old = await _local.Store.FindAsync("alt.admin", Ct);

        Assert.NotNull(old);
        Assert.False(old.IsDisabled);
        Assert.Equal(32, old.SecurityStamp.Length);
        Assert.True((await _local.Accounts.CheckPasswordAsync("alt.admin", "altes-Konto-123456", Client, Ct)).Succeeded);
        Assert.True((await _local.Accounts.CreateAsync("neu", AppRoles.Staff, "lang-genug-123456", Ct)).Succeeded);
        Assert.False((await _local.Accounts.SetDisabledAsync("alt.admin", true, Ct)).Succeeded);
    }

    [Theory]
    [InlineData("/ä", "/%C3%A4")]
    [InlineData("/norm/GemO/§ 24?suche=Bürger", "/norm/GemO/%C2%A7%2024?suche=B%C3%BCrger")]
    [InlineData("/verlauf?x=%C3%A4", "/verlauf?x=%C3%A4")]
    [InlineData("/\\u00e4//evil", "/%C3%A4//evil")]
    [InlineData("/\\ud800", "/")]
    public void ReturnUrl_NonAscii_IsPercentEncoded(string returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Sanitize(System.Text.RegularExpressions.Regex.Unescape(returnUrl)));

    [Theory]
    [InlineData("/admin", "/admin")]
    [InlineData("/norm/BauGB/35?x=1", "/norm/BauGB/35?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData(null, "/")]
    public void ReturnUrl_OnlyLocalPathsPass(string? returnUrl, string expected) => Assert.Equal(expected, LocalReturnUrl.Sanitize(returnUrl));
}
