using System.Net;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>
/// Sign-in behind real Kestrel, which (unlike the test server) refuses a response header with non-ASCII characters:
/// a return address such as <c>/ä</c> used to end in HTTP 500.
/// </summary>
public sealed class KestrelSignInTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();
    private readonly int _port = EndToEnd.FreePort.OnLoopback();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app.UseKestrel(_port);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/ä", "/%C3%A4")]
    [InlineData("/norm/GemO/§ 24?x=ü", "/norm/GemO/%C2%A7%2024?x=%C3%BC")]
    public async Task SignIn_WithNonAsciiReturnUrl_RedirectsThere_InsteadOf500(string returnUrl, string expectedTarget)
    {
        var user = "k.kestrel" + (uint)returnUrl.GetHashCode(StringComparison.Ordinal);
        Assert.True((await _app.Accounts.CreateAsync(user, AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://localhost:{_port}") };

        using var signIn = await WebAppFactory.PostSignInAsync(client, user, WebAppFactory.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(expectedTarget, signIn.Headers.Location!.PathAndQuery);
    }
}
