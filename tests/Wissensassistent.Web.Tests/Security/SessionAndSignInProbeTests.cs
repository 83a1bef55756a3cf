using System.Net;
using System.Text.RegularExpressions;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>
/// The findings of the reliability probe on landed main, against the real app: sessions that outlive a password reset,
/// an account lockout anyone can trigger and that confirms the account exists, and a non-ASCII return address.
/// </summary>
public sealed partial class SessionAndSignInProbeTests : IClassFixture<WebAppFactory>
{
    /// <summary>The one message for an unknown user, a wrong password and a lockout.</summary>
    private const string FailedSignIn = "Die Anmeldung ist fehlgeschlagen.";

    private readonly WebAppFactory _app;

    public SessionAndSignInProbeTests(WebAppFactory app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordReset_EndsTheUsersOtherSessions_AtOnce()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.zurueckgesetzt", AppRoles.Admin, WebAppFactory.Password, Ct)).Succeeded);
        using var client = await SignInAsync("k.zurueckgesetzt", WebAppFactory.Password);
        using (var before = await client.GetAsync("/admin", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True((await _app.Accounts.SetPasswordAsync("k.zurueckgesetzt", "ein-ganz-neues-Passwort-7", Ct)).Succeeded);

        // The cookie from before the reset opens nothing any more: back to the sign-in page.
        using var after = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/anmelden", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_FailureMessage_IsTheSame_ForUnknownUserWrongPasswordAndLockedAccount()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.bekannt", AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
        using var client = _app.CreateBrowserlikeClient("10.1.0.1");

        var unknown = await FailureTextAsync(client, "k.unbekannt", "irgendein-Passwort-1");
        var wrong = await FailureTextAsync(client, "k.bekannt", "falsches-Passwort-1");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await FailureTextAsync(client, "k.bekannt", "falsch-" + attempt);
        }

        var locked = await FailureTextAsync(client, "k.bekannt", WebAppFactory.Password);

        Assert.StartsWith(FailedSignIn, unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
    }

    [Fact]
    public async Task Lockout_ByFailuresFromOneClient_DoesNotLockTheAdminOutOnAnother()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.chefin", AppRoles.Admin, WebAppFactory.Password, Ct)).Succeeded);
        using var attacker = _app.CreateBrowserlikeClient("203.0.113.9");
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var failed = await WebAppFactory.PostSignInAsync(attacker, "k.chefin", "geraten-" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var admin = _app.CreateBrowserlikeClient("10.1.0.2");
        using var signIn = await WebAppFactory.PostSignInAsync(admin, "k.chefin", WebAppFactory.Password, "/admin");
        using var lockedOut = await WebAppFactory.PostSignInAsync(attacker, "k.chefin", WebAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location!.AbsolutePath);

        // The guessing client itself stays locked, even with the right password.
        Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode);
        Assert.Contains(FailedSignIn, await lockedOut.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ä", "/%C3%A4")]
    [InlineData("/norm/GemO/§ 24?x=ü", "/norm/GemO/%C2%A7%2024?x=%C3%BC")]
    public async Task SignIn_WithNonAsciiReturnUrl_ShowsTheForm_AndReturnsToThatPage(string returnUrl, string expectedTarget)
    {
        var user = "k.umlaut" + (uint)returnUrl.GetHashCode(StringComparison.Ordinal);
        Assert.True((await _app.Accounts.CreateAsync(user, AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
        using var client = _app.CreateBrowserlikeClient();

        // Raw, as a probe or a hand-typed address sends it.
        using (var form = await client.GetAsync(new Uri("/anmelden?ReturnUrl=" + returnUrl, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        using var signIn = await WebAppFactory.PostSignInAsync(client, user, WebAppFactory.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(expectedTarget, signIn.Headers.Location!.PathAndQuery);
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = _app.CreateBrowserlikeClient();
        using var response = await WebAppFactory.PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> FailureTextAsync(HttpClient client, string userName, string password)
    {
        using var response = await WebAppFactory.PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = AlertMessage().Match(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(message.Success, "Die Anmeldeseite zeigt keine Fehlermeldung.");
        return WebUtility.HtmlDecode(message.Groups[1].Value).Trim();
    }

    [GeneratedRegex("class=\"mud-alert-message\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex AlertMessage();
}
