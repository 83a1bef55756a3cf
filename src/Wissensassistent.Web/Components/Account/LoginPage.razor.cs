using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Account;

/// <summary>
/// Sign-in with a local account: a static form (the cookie can only be set on a plain HTTP response, not from a live
/// circuit), protected by antiforgery and throttled per client; after too many failures this client is locked out
/// for the name a while.
/// </summary>
[EnableRateLimiting(SignInThrottle.PolicyName)]
public sealed partial class LoginPage
{
    public const string FailedMessage =
        "Die Anmeldung ist fehlgeschlagen. Bitte Benutzername und Passwort prüfen; nach mehreren Fehlversuchen ist die Anmeldung von diesem Gerät aus für einige Minuten gesperrt.";

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

        var result = await Accounts.CheckPasswordAsync(Input.UserName, Input.Password, SignInThrottle.ClientKey(HttpContext), HttpContext.RequestAborted);
        if (result.Account is not { } account)
        {
            // One message for an unknown user, a wrong password, a disabled account and a lockout: none is confirmed.
            _error = FailedMessage;
            return;
        }

        // The cookie handler would otherwise redirect to the raw ReturnUrl query value itself (a non-ASCII one breaks
        // the Location header); the target is the sanitized, percent-encoded path.
        var target = LocalReturnUrl.Sanitize(ReturnUrl);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.CreatePrincipal(account), new AuthenticationProperties { RedirectUri = target });
        Navigation.NavigateTo(target);
    }

    private sealed class LoginInput
    {
        [Required(ErrorMessage = "Bitte den Benutzernamen angeben.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Bitte das Passwort angeben.")]
        public string Password { get; set; } = "";
    }
}
