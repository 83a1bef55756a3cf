using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Role changes and removed accounts take effect at once, not at the next sign-in: every request holds its cookie
/// against the account store, and a live circuit, which outlives requests, checks again every minute.
/// </summary>
public static class LocalAccountValidation
{
    /// <summary>The principal as the store sees it now: the same one, one with the current role, or null when gone.</summary>
    public static async Task<ClaimsPrincipal?> CurrentAsync(UserAccountStore store, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.Name is not { Length: > 0 } userName
            || await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return null;
        }

        return principal.IsInRole(account.Role) ? principal : AccountService.CreatePrincipal(account);
    }

    /// <summary>Cookie event: replaces a stale role, signs out a removed account.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<UserAccountStore>();
        var current = await CurrentAsync(store, principal, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
        else if (!ReferenceEquals(current, principal))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }
}

/// <summary>Re-checks the signed-in account of a live circuit; a removed account or a changed role ends its sign-in.</summary>
public sealed class LocalAccountRevalidation(ILoggerFactory loggers, UserAccountStore store) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        return ReferenceEquals(await LocalAccountValidation.CurrentAsync(store, principal, cancellationToken).ConfigureAwait(false), principal);
    }
}
