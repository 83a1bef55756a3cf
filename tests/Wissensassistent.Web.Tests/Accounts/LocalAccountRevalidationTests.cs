using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Accounts;

/// <summary>A live circuit's sign-in ends as soon as its account changes, not a minute later.</summary>
public sealed class LocalAccountRevalidationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-revalidation");
    private readonly UserAccountStore _store;
    private readonly SqliteAuditTrail _audit;
    private readonly AccountService _accounts;

    public LocalAccountRevalidationTests()
    {
        _store = new UserAccountStore(Options.Create(new DataFolder { Directory = _folder.Path }));
        _audit = new SqliteAuditTrail(Options.Create(new DataFolder { Directory = _folder.Path }));
        _accounts = new AccountService(_store, _audit, TimeProvider.System, NullLogger<AccountService>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _store.Dispose();
        _audit.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("role")]
    [InlineData("disable")]
    [InlineData("delete")]
    public async Task CircuitSignIn_EndsAtOnce_WhenItsAccountChanges(string change)
    {
        await _accounts.CreateAsync("k.live", AppRoles.Admin, "lang-genug-123456", Ct);
        await _accounts.CreateAsync("k.andere", AppRoles.Admin, "lang-genug-123456", Ct);
        using var circuit = await SignedInCircuitAsync("k.live");
        var ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => ended.TrySetResult(await state);

        var result = change switch
        {
            "reset" => await _accounts.SetPasswordAsync("k.live", "zurueckgesetzt-12345", Ct),
            "role" => await _accounts.SetRoleAsync("k.live", AppRoles.Staff, Ct),
            "disable" => await _accounts.SetDisabledAsync("k.live", true, Ct),
            _ => await _accounts.DeleteAsync("k.live", Ct),
        };
        Assert.True(result.Succeeded, result.Error);

        var state = await ended.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task CircuitSignIn_StaysWhenAnotherAccountChanges()
    {
        await _accounts.CreateAsync("k.bleibt", AppRoles.Staff, "lang-genug-123456", Ct);
        await _accounts.CreateAsync("k.andere", AppRoles.Staff, "lang-genug-123456", Ct);
        using var circuit = await SignedInCircuitAsync("k.bleibt");

        Assert.True((await _accounts.SetPasswordAsync("k.andere", "zurueckgesetzt-12345", Ct)).Succeeded);
        await Task.Delay(200, Ct);

        Assert.True((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    private async Task<LocalAccountRevalidation> SignedInCircuitAsync(string userName)
    {
        var account = await _store.FindAsync(userName, Ct);
        var circuit = new LocalAccountRevalidation(NullLoggerFactory.Instance, _store, _accounts);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(AccountService.CreatePrincipal(account!))));
        new LocalAccountCircuitHandler(circuit).OnCircuitOpenedAsync(null!, Ct).GetAwaiter().GetResult();
        return circuit;
    }
}
