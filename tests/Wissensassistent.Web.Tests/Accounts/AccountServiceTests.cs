using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Accounts;

public sealed class AccountServiceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-accounts");
    private readonly UserAccountStore _store;
    private readonly AccountService _accounts;

    public AccountServiceTests()
    {
        _store = new UserAccountStore(Options.Create(new DataFolder { Directory = _folder.Path }));
        _accounts = new AccountService(_store, TimeProvider.System, NullLogger<AccountService>.Instance);
    }

    private const string Client = "10.0.0.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task StoredPassword_IsAHashNotThePlaintext_AndVerifiesOnlyTheRightPassword()
    {
        const string password = "geheimes-Passwort-123";
        await _accounts.CreateAsync("m.meier", AppRoles.Staff, password, Ct);

        var stored = await _store.FindAsync("M.MEIER", Ct);

        Assert.NotNull(stored);
        Assert.DoesNotContain(password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(password, await File.ReadAllTextAsync(_store.DatabasePath, Ct), StringComparison.Ordinal);
        Assert.True((await _accounts.CheckPasswordAsync("m.meier", password, Client, Ct)).Succeeded);
        Assert.False((await _accounts.CheckPasswordAsync("m.meier", password + "x", Client, Ct)).Succeeded);
        Assert.False((await _accounts.CheckPasswordAsync("niemand", password, Client, Ct)).Succeeded);
    }

    [Fact]
    public async Task Create_RefusesShortPasswordsUnknownRolesBadNamesAndDuplicates()
    {
        Assert.Contains("mindestens", (await _accounts.CreateAsync("a.b", AppRoles.Staff, "kurz", Ct)).Error, StringComparison.Ordinal);
        Assert.False((await _accounts.CreateAsync("a.b", "Root", "lang-genug-123456", Ct)).Succeeded);
        Assert.False((await _accounts.CreateAsync("../x", AppRoles.Staff, "lang-genug-123456", Ct)).Succeeded);
        Assert.True((await _accounts.CreateAsync("a.b", AppRoles.Staff, "lang-genug-123456", Ct)).Succeeded);
        Assert.Contains("gibt es schon", (await _accounts.CreateAsync("A.B", AppRoles.Admin, "lang-genug-123456", Ct)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitialAdmin_IsCreatedExactlyOnce_AndItsPasswordPrintedOnce()
    {
        var initial = new InitialAdmin(_accounts, _store, NullLogger<InitialAdmin>.Instance);
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.True(await initial.EnsureAsync(first, Ct));
        Assert.False(await initial.EnsureAsync(second, Ct));

        var password = System.Text.RegularExpressions.Regex.Match(first.ToString(), "Passwort: (\\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.True((await _accounts.CheckPasswordAsync(InitialAdmin.UserName, password, Client, Ct)).Succeeded);
        Assert.Equal(string.Empty, second.ToString());
        Assert.Single(await _store.ListAsync(Ct));
    }

    [Fact]
    public async Task SetRole_KeepsTheLastAdministrator()
    {
        await _accounts.CreateAsync("chefin", AppRoles.Admin, "lang-genug-123456", Ct);

        var demoted = await _accounts.SetRoleAsync("chefin", AppRoles.Staff, Ct);

        Assert.False(demoted.Succeeded);
        Assert.Equal(AppRoles.Admin, (await _store.FindAsync("chefin", Ct))?.Role);
    }

    [Fact]
    public async Task SetPassword_ReplacesTheOldOne_AndLiftsALockout()
    {
        await _accounts.CreateAsync("k.neu", AppRoles.Staff, "altes-Passwort-1234", Ct);
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await _accounts.CheckPasswordAsync("k.neu", "falsch", Client, Ct);
        }

        Assert.NotNull((await _accounts.CheckPasswordAsync("k.neu", "altes-Passwort-1234", Client, Ct)).LockedUntil);

        await _accounts.SetPasswordAsync("k.neu", "neues-Passwort-1234", Ct);

        Assert.False((await _accounts.CheckPasswordAsync("k.neu", "altes-Passwort-1234", Client, Ct)).Succeeded);
        Assert.True((await _accounts.CheckPasswordAsync("k.neu", "neues-Passwort-1234", Client, Ct)).Succeeded);
    }

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
