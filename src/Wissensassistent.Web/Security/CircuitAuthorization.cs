using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Wissensassistent.Web.Security;

/// <summary>
/// A policy asked again with a circuit's authentication state: a page's [Authorize] guards navigation, but a live
/// circuit outlives a role change. Without an authentication state nothing is granted.
/// </summary>
internal static class CircuitAuthorization
{
    public static async Task<bool> IsGrantedAsync(IAuthorizationService authorization, Task<AuthenticationState>? authenticationState, string policy)
    {
        if (authenticationState is null)
        {
            return false;
        }

        var user = (await authenticationState).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
