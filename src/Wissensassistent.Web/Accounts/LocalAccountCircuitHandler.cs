using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Wissensassistent.Web.Accounts;

/// <summary>When a circuit opens, its sign-in starts watching for changes of its account (<see cref="LocalAccountRevalidation"/>).</summary>
public sealed class LocalAccountCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        (authentication as LocalAccountRevalidation)?.WatchAccountChanges();
        return Task.CompletedTask;
    }
}
