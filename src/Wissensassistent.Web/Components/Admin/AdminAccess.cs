using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Audit;
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

    /// <summary>
    /// Checks the policy for an audited action; a refusal is itself recorded, with the user who tried, so that an attempt
    /// from a circuit that lost its role leaves a trace.
    /// </summary>
    public static async Task<bool> IsGrantedAsync(IAuthorizationService authorization, Task<AuthenticationState>? authenticationState, IAuditTrail audit, string action, string subject)
    {
        if (await IsGrantedAsync(authorization, authenticationState))
        {
            return true;
        }

        await audit.RecordAsync(await AuditActorName.OfAsync(authenticationState), action, subject, $"abgelehnt: {Denied}");
        return false;
    }
}
