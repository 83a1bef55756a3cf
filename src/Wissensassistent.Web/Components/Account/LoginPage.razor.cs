using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Account;

/// <summary>
/// Sign-in with a local account: a static form (the cookie can only be set on a plain HTTP response, not from a live
/// circuit), protected by antiforgery; after too many failures the account is locked for a while.
/// </summary>
public sealed partial class LoginPage
{
    private string? _error;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "anmelden")]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private AccountService Accounts { get; set; } = default!;

    [Inject]
    private IOptions<SignInOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private AuthenticationMode Mode => Options.Value.Mode;

    private string ExternalSignInUrl => "anmelden/extern?returnUrl=" + Uri.EscapeDataString(LocalReturnUrl.Sanitize(ReturnUrl));

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        if (Mode != AuthenticationMode.Local)
        {
            return;
        }

        var result = await Accounts.CheckPasswordAsync(Input.UserName, Input.Password, HttpContext.RequestAborted);
        if (result.Account is not { } account)
        {
            _error = result.LockedUntil is { } until
                ? $"Zu viele Fehlversuche: Die Anmeldung ist bis {until.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr gesperrt."
                : "Benutzername oder Passwort ist falsch.";
            return;
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.CreatePrincipal(account));
        Navigation.NavigateTo(LocalReturnUrl.Sanitize(ReturnUrl));
    }

    private sealed class LoginInput
    {
        [Required(ErrorMessage = "Bitte den Benutzernamen angeben.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Bitte das Passwort angeben.")]
        public string Password { get; set; } = "";
    }
}
