using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// A password reset, a role change, disabling or deleting an account end its sign-ins at once, not at the next
/// sign-in: every request holds its cookie against the account store (same account, enabled, same role, same security
/// stamp), and a live circuit, which outlives requests, is checked when the account changes and every minute
/// (<see cref="LocalAccountRevalidation"/>).
/// </summary>
public static class LocalAccountValidation
{
    /// <summary>True when the sign-in still matches its account: it exists, is enabled, and has that role and stamp.</summary>
    public static async Task<bool> IsCurrentAsync(UserAccountStore store, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.Name is not { Length: > 0 } userName
            || principal.FindFirst(AccountService.SecurityStampClaim)?.Value is not { Length: > 0 } stamp
            || await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { IsDisabled: false } account)
        {
            return false;
        }

        return string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal) && principal.IsInRole(account.Role);
    }

    /// <summary>Cookie event: a sign-in that no longer matches its account is rejected and the cookie removed.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<UserAccountStore>();
        if (!await IsCurrentAsync(store, principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
