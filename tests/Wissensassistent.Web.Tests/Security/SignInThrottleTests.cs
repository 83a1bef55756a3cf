using System.Net;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>Sign-in posts are throttled per client: one client guessing is slowed down, the others are not.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const int Limit = 3;

    private readonly WebAppFactory _app = new WebAppFactory().With("Authentication:SignInAttemptsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_BeyondTheLimitPerMinute_Is429InGerman_ForThatClientOnly()
    {
        Assert.True((await _app.Accounts.CreateAsync("k.gedrosselt", AppRoles.Staff, WebAppFactory.Password, Ct)).Succeeded);
        using var guesser = _app.CreateBrowserlikeClient("198.51.100.7");
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            using var allowed = await WebAppFactory.PostSignInAsync(guesser, "k.gedrosselt", "geraten-" + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var throttled = await WebAppFactory.PostSignInAsync(guesser, "k.gedrosselt", WebAppFactory.Password);
        using var other = _app.CreateBrowserlikeClient("10.2.0.1");
        using var otherSignIn = await WebAppFactory.PostSignInAsync(other, "k.gedrosselt", WebAppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Zu viele Anmeldeversuche", await throttled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(throttled.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("wa.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, otherSignIn.StatusCode);
    }

    [Fact]
    public async Task SignInForm_CanBeLoadedBeyondTheLimit()
    {
        using var client = _app.CreateBrowserlikeClient("198.51.100.8");
        for (var attempt = 0; attempt < Limit + 2; attempt++)
        {
            using var form = await client.GetAsync("/anmelden", Ct);
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }
    }
}
