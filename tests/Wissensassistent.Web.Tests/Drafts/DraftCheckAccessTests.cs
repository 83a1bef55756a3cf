using System.Net;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Drafts;

/// <summary>"Zitate prüfen" is for signed-in staff only, even where anonymous visitors may ask (the default).</summary>
public sealed class DraftCheckAccessTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = app.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/zitate-pruefen", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/anmelden", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(AppRoles.Staff)]
    [InlineData(AppRoles.LegalOfficer)]
    [InlineData(AppRoles.Admin)]
    public async Task SignedInStaff_GetThePage(string role)
    {
        using var client = await app.SignedInClientAsync(role);

        using var response = await client.GetAsync("/zitate-pruefen", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
