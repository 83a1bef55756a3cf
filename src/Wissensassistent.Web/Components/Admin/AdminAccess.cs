using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Admin;

/// <summary>
/// The server-side check behind every action of the admin area: the page's [Authorize] guards navigation, but a live
/// circuit outlives a role change, so each action asks the policy again with the circuit's authentication state.
/// </summary>
internal static class AdminAccess
{
    public const string Denied = "Für diese Aktion ist die Rolle Verwaltung nötig.";

    public static Task<bool> IsGrantedAsync(IAuthorizationService authorization, Task<AuthenticationState>? authenticationState) =>
        CircuitAuthorization.IsGrantedAsync(authorization, authenticationState, Policies.AdminArea);
}
