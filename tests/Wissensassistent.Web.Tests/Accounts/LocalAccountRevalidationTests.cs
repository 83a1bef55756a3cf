using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Accounts;

/// <summary>A live circuit's sign-in ends as soon as its account changes, not a minute later.</summary>
public sealed class LocalAccountRevalidationTests : IDisposable
{
    private readonly LocalAccounts _local = new("wissen-revalidation");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _local.Dispose();

    [Theory]
    [InlineData("reset")]
    [InlineData("role")]
    [InlineData("disable")]
    [InlineData("delete")]
    public async Task CircuitSignIn_EndsAtOnce_WhenItsAccountChanges(string change)
    {
        await _local.Accounts.CreateAsync("k.live", AppRoles.Admin, "lang-genug-123456", Ct);
        await _local.Accounts.CreateAsync("k.andere", AppRoles.Admin, "lang-genug-123456", Ct);
        using var circuit = await SignedInCircuitAsync("k.live");
        var ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => ended.TrySetResult(await state);

        var result = change switch
        {
            "reset" => await _local.Accounts.SetPasswordAsync("k.live", "zurueckgesetzt-12345", Ct),
            "role" => await _local.Accounts.SetRoleAsync("k.live", AppRoles.Staff, Ct),
            "disable" => await _local.Accounts.SetDisabledAsync("k.live", true, Ct),
            _ => await _local.Accounts.DeleteAsync("k.live", Ct),
        };
        Assert.True(result.Succeeded, result.Error);

        var state = await ended.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task CircuitSignIn_StaysWhenAnotherAccountChanges()
    {
        await _local.Accounts.CreateAsync("k.bleibt", AppRoles.Staff, "lang-genug-123456", Ct);
        await _local.Accounts.CreateAsync("k.andere", AppRoles.Staff, "lang-genug-123456", Ct);
        using var circuit = await SignedInCircuitAsync("k.bleibt");

        Assert.True((await _local.Accounts.SetPasswordAsync("k.andere", "zurueckgesetzt-12345", Ct)).Succeeded);
        await Task.Delay(200, Ct);

        Assert.True((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    private async Task<LocalAccountRevalidation> SignedInCircuitAsync(string userName)
    {
        var account = await _local.Store.FindAsync(userName, Ct);
        var circuit = new LocalAccountRevalidation(NullLoggerFactory.Instance, _local.Store, _local.Accounts);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(AccountService.CreatePrincipal(account!))));
        new LocalAccountCircuitHandler(circuit).OnCircuitOpenedAsync(null!, Ct).GetAwaiter().GetResult();
        return circuit;
    }
}
