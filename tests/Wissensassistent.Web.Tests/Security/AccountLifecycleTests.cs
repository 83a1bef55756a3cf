using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>Disabling, deleting and a user's own password change, against the real app and its cookies.</summary>
public sealed partial class AccountLifecycleTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _app;

    public AccountLifecycleTests(WebAppFactory app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisabledAccount_LosesItsSessionsAtOnce_AndCannotSignIn_UntilEnabled()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.deaktiviert", AppRoles.Admin, WebAppFactory.Password, Ct)).Succeeded);
        using var session = await SignInAsync("k.deaktiviert", WebAppFactory.Password);

        Assert.True((await _app.Accounts.SetDisabledAsync("k.deaktiviert", true, Ct)).Succeeded);

        await AssertSignedOutAsync(session, "/admin");
        using var refused = _app.CreateBrowserlikeClient();
        using (var signIn = await WebAppFactory.PostSignInAsync(refused, "k.deaktiviert", WebAppFactory.Password))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("Die Anmeldung ist fehlgeschlagen", await signIn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.True((await _app.Accounts.SetDisabledAsync("k.deaktiviert", false, Ct)).Succeeded);
        using var again = await SignInAsync("k.deaktiviert", WebAppFactory.Password);
        using var admin = await again.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task DeletedAccount_LosesItsSessions_AndANewAccountOfTheSameNameDoesNotRevive_TheOldCookie()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.geloescht", AppRoles.Admin, WebAppFactory.Password, Ct)).Succeeded);
        using var session = await SignInAsync("k.geloescht", WebAppFactory.Password);

        Assert.True((await _app.Accounts.DeleteAsync("k.geloescht", Ct)).Succeeded);
        Assert.True((await _app.Accounts.CreateAsync("k.geloescht", AppRoles.Admin, WebAppFactory.Password, Ct)).Succeeded);

        await AssertSignedOutAsync(session, "/admin");
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_KeepsThisSession_AndEndsTheOthers()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.wechsel", AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
        using var here = await SignInAsync("k.wechsel", WebAppFactory.Password);
        using var elsewhere = await SignInAsync("k.wechsel", WebAppFactory.Password);
        const string newPassword = "mein-eigenes-neues-Passwort";

        using (var wrong = await PostChangeAsync(here, "nicht-das-alte-Passwort", newPassword, newPassword))
        {
            Assert.Contains("Das bisherige Passwort ist falsch.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        using (var mismatch = await PostChangeAsync(here, WebAppFactory.Password, newPassword, newPassword + "x"))
        {
            Assert.Contains("stimmen nicht überein", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        using (var changed = await PostChangeAsync(here, WebAppFactory.Password, newPassword, newPassword, HttpStatusCode.Redirect))
        {
            Assert.Equal(AccountService.ChangePasswordPath + "?geaendert=1", changed.Headers.Location!.PathAndQuery);
        }

        // This session goes on with the renewed cookie.
        using (var stillHere = await here.GetAsync(AccountService.ChangePasswordPath + "?geaendert=1", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
            var page = WebUtility.HtmlDecode(await stillHere.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Das Passwort ist geändert.", page, StringComparison.Ordinal);
            Assert.DoesNotContain(newPassword, page, StringComparison.Ordinal);
        }

        await AssertSignedOutAsync(elsewhere, AccountService.ChangePasswordPath);
        using var withNew = await SignInAsync("k.wechsel", newPassword);
        var signOutPage = await withNew.GetStringAsync("/abmelden", Ct);
        Assert.Contains("href=\"konto/passwort\"", signOutPage, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Logs.Entries, entry => entry.All.Contains(newPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangePassword_Anonymous_IsSentToSignIn_AndAPostWithoutAntiforgeryIsRejected()
    {
        using var anonymous = _app.CreateBrowserlikeClient();
        using var page = await anonymous.GetAsync(AccountService.ChangePasswordPath, Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/anmelden", page.Headers.Location!.AbsolutePath);

        using var staff = await _app.SignedInClientAsync(AppRoles.Staff);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "passwort-aendern",
            ["Input.CurrentPassword"] = WebAppFactory.Password,
            ["Input.NewPassword"] = "ohne-token-geaendert-1",
            ["Input.ConfirmPassword"] = "ohne-token-geaendert-1",
        });
        using var forged = await staff.PostAsync(AccountService.ChangePasswordPath, content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task FirstAdminConsoleText_PointsToAPageWhereTheAdminChangesThePassword()
    {
        using var folder = new TemporaryFolder("wissen-first-admin");
        using var store = new UserAccountStore(Options.Create(new DataFolder { Directory = folder.Path }));
        using var audit = new SqliteAuditTrail(Options.Create(new DataFolder { Directory = folder.Path }));
        var accounts = new AccountService(store, audit, TimeProvider.System, NullLogger<AccountService>.Instance);
        using var console = new StringWriter();
        await new InitialAdmin(accounts, store, audit, NullLogger<InitialAdmin>.Instance).EnsureAsync(console, Ct);
        var path = ChangeHint().Match(console.ToString());
        Assert.True(path.Success, console.ToString());

        using var admin = await _app.SignedInClientAsync(AppRoles.Admin);
        using var page = await admin.GetAsync(path.Groups[1].Value, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bisheriges Passwort", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = _app.CreateBrowserlikeClient();
        using var response = await WebAppFactory.PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task AssertSignedOutAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/anmelden", response.Headers.Location!.AbsolutePath);
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var form = await client.GetStringAsync(AccountService.ChangePasswordPath, Ct);
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, "Das Formular enthält kein Antiforgery-Token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "passwort-aendern",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });
        var response = await client.PostAsync(AccountService.ChangePasswordPath, content, Ct);
        Assert.Equal(expected, response.StatusCode);
        return response;
    }

    [GeneratedRegex("unter (/\\S+) ändern")]
    private static partial Regex ChangeHint();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
