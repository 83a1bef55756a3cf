using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

public sealed class SignInTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _app;

    public SignInTests(WebAppFactory app) => _app = app;

    [Fact]
    public async Task Admin_Anonymous_IsRedirectedToSignIn_WithReturnUrl()
    {
        using var client = _app.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/anmelden", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppRoles.Staff, "/admin", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.LegalOfficer, "/admin", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Admin, "/admin", HttpStatusCode.OK)]
    [InlineData(AppRoles.Staff, "/rueckmeldungen", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.LegalOfficer, "/rueckmeldungen", HttpStatusCode.OK)]
    public async Task Pages_AnswerByRole(string role, string path, HttpStatusCode expected)
    {
        using var client = await _app.SignedInClientAsync(role);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RoleChange_EndsTheUsersSessions_OnTheNextRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await _app.Accounts.CreateAsync("k.herabgestuft", AppRoles.Admin, WebAppFactory.Password, ct)).Succeeded);
        using var client = _app.CreateBrowserlikeClient();
        using (var signIn = await WebAppFactory.PostSignInAsync(client, "k.herabgestuft", WebAppFactory.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var before = await client.GetAsync("/admin", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True((await _app.Accounts.SetRoleAsync("k.herabgestuft", AppRoles.Staff, ct)).Succeeded);

        // The same cookie, which still says Admin, is over: the account store has the last word.
        using var after = await client.GetAsync("/admin", ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/anmelden", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_FailsWithGermanMessage_AndSetsNoCookie()
    {
        await _app.Accounts.CreateAsync("k.falsch", AppRoles.Staff, WebAppFactory.Password, TestContext.Current.CancellationToken);
        using var client = _app.CreateBrowserlikeClient();

        using var response = await WebAppFactory.PostSignInAsync(client, "k.falsch", "nicht-das-Passwort");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Die Anmeldung ist fehlgeschlagen", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("wa.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithRightPassword_SetsHttpOnlyLaxCookie_AndReturnsToTheLocalPage()
    {
        await _app.Accounts.CreateAsync("k.richtig", AppRoles.Admin, WebAppFactory.Password, TestContext.Current.CancellationToken);
        using var client = _app.CreateBrowserlikeClient();

        using var response = await WebAppFactory.PostSignInAsync(client, "k.richtig", WebAppFactory.Password, "/admin");
        using var admin = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/admin"), response.Headers.Location);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wa.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_WithForeignReturnUrl_GoesToTheStartPage(string returnUrl)
    {
        var user = "k.ziel" + Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal));
        await _app.Accounts.CreateAsync(user, AppRoles.Staff, WebAppFactory.Password, TestContext.Current.CancellationToken);
        using var client = _app.CreateBrowserlikeClient();

        using var response = await WebAppFactory.PostSignInAsync(client, user, WebAppFactory.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_AfterRepeatedFailuresFromThisClient_IsLocked_EvenWithTheRightPassword()
    {
        await _app.Accounts.CreateAsync("k.gesperrt", AppRoles.Staff, WebAppFactory.Password, TestContext.Current.CancellationToken);
        using var client = _app.CreateBrowserlikeClient("192.0.2.44");
        for (var attempt = 0; attempt < AccountService.MaxFailedAttempts; attempt++)
        {
            using var failed = await WebAppFactory.PostSignInAsync(client, "k.gesperrt", "falsch-" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await WebAppFactory.PostSignInAsync(client, "k.gesperrt", WebAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Die Anmeldung ist fehlgeschlagen", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("wa.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        await _app.Accounts.CreateAsync("k.csrf", AppRoles.Admin, WebAppFactory.Password, TestContext.Current.CancellationToken);
        using var client = _app.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "anmelden", ["Input.UserName"] = "k.csrf", ["Input.Password"] = WebAppFactory.Password,
        });

        using var response = await client.PostAsync("/anmelden", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Chat_IsOpenWithoutSignIn_ByDefault_AndOldAdminAddressRedirects()
    {
        using var client = _app.CreateBrowserlikeClient();

        using var chat = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var old = await client.GetAsync("/verwaltung", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/admin", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FirstStart_CreatedTheInitialAdmin_AndTheStartupIngestionGoesThroughTheReindexService()
    {
        var admin = await _app.Services.GetRequiredService<UserAccountStore>().FindAsync(InitialAdmin.UserName, TestContext.Current.CancellationToken);

        Assert.Equal(AppRoles.Admin, admin?.Role);
        Assert.Contains(_app.Logs.Entries, entry => entry.EventId.Id == 5310);
        Assert.Contains(_app.Services.GetServices<IHostedService>(), service => service is ReindexService);
    }
}

public sealed class ClosedChatTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new WebAppFactory().With("Authentication:AllowAnonymousChat", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/norm/IFG/1")]
    [InlineData("/verlauf")]
    public async Task Chat_WithAnonymousChatOff_RequiresSignIn(string path)
    {
        using var anonymous = _app.CreateBrowserlikeClient();
        using var staff = await _app.SignedInClientAsync(AppRoles.Staff);

        using var refused = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
        using var allowed = await staff.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/anmelden", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
