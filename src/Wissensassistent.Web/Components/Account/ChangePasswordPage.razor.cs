using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.RateLimiting;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Account;

/// <summary>
/// A signed-in local user changes their own password, proving the current one. A static form like the sign-in (the
/// renewed cookie can only be set on a plain HTTP response), protected by antiforgery and the sign-in throttle. The
/// account's other sign-ins end; this one continues with the new security stamp.
/// </summary>
[EnableRateLimiting(SignInThrottle.PolicyName)]
public sealed partial class ChangePasswordPage
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "passwort-aendern")]
    private PasswordInput Input { get; set; } = default!;

    /// <summary>Set by the redirect after a change (post, redirect, get).</summary>
    [SupplyParameterFromQuery(Name = "geaendert")]
    private string? Changed { get; set; }

    [Inject]
    private AccountService Accounts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Local sign-ins carry a security stamp; those from an identity provider do not.</summary>
    private bool IsLocalAccount => HttpContext.User.HasClaim(claim => claim.Type == AccountService.SecurityStampClaim);

    protected override void OnInitialized() => Input ??= new PasswordInput();

    private async Task ChangeAsync()
    {
        if (!IsLocalAccount || HttpContext.User.Identity?.Name is not { Length: > 0 } userName)
        {
            return;
        }

        var result = await Accounts.ChangePasswordAsync(userName, Input.CurrentPassword, Input.NewPassword, SignInThrottle.ClientKey(HttpContext), HttpContext.RequestAborted);
        Input = new PasswordInput();
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }

        if (await Accounts.FindAsync(userName, HttpContext.RequestAborted) is { } account)
        {
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.CreatePrincipal(account));
        }

        // This request still holds the old sign-in, which the change has just ended; the next one carries the new cookie.
        Navigation.NavigateTo(AccountService.ChangePasswordPath + "?geaendert=1");
    }

    private sealed class PasswordInput
    {
        [Required(ErrorMessage = "Bitte das bisherige Passwort angeben.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte ein neues Passwort angeben.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte das neue Passwort wiederholen.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Die beiden neuen Passwörter stimmen nicht überein.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
