using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Components.Admin;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>/admin issues a key, shows it once, lists it without the secret and revokes it.</summary>
public sealed class ApiKeyAdministrationTests : WebTestContext
{
    public ApiKeyAdministrationTests() => SignInAs(AppRoles.Admin, Policies.AdminArea, Policies.FeedbackReview);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task Admin_IssuesAKey_SeesItOnce_AndRevokesIt()
    {
        var created = await Services.GetRequiredService<AccountService>().CreateAsync("fachverfahren", AppRoles.Staff, "ein-langes-Passwort-42", Ct);
        Assert.True(created.Succeeded, created.Error);
        var page = Render<ApiKeyAdministration>();

        page.Find(".wa-new-api-key-label input").Change("Open WebUI Rathaus");
        page.Find("button.wa-new-api-key-issue").Click();

        var secret = page.WaitForElement(".wa-api-key-secret code").TextContent;
        Assert.StartsWith(ApiKeyService.KeyPrefix, secret, StringComparison.Ordinal);
        Assert.Contains("Open WebUI Rathaus", page.Find(".wa-api-key-label").TextContent);
        Assert.DoesNotContain(secret, page.Find(".wa-api-key-list").TextContent, StringComparison.Ordinal);
        var principal = await Keys.AuthenticateAsync(secret, "ApiKey", Ct);
        Assert.Equal("fachverfahren", principal?.Identity?.Name);
        Assert.True(principal!.IsInRole(AppRoles.Staff));

        var again = Render<ApiKeyAdministration>();
        Assert.Empty(again.FindAll(".wa-api-key-secret"));
        again.Find("button.wa-api-key-revoke").Click();

        again.WaitForAssertion(() => Assert.Contains("widerrufen", again.Find(".wa-api-key-message").TextContent));
        Assert.Null(await Keys.AuthenticateAsync(secret, "ApiKey", Ct));
        Assert.Empty(again.FindAll("button.wa-api-key-revoke"));
    }

    [Fact]
    public async Task WithoutTheAdminRole_NoKeyIsIssued()
    {
        SignInAs(AppRoles.Staff);
        await Services.GetRequiredService<AccountService>().CreateAsync("fachverfahren", AppRoles.Staff, "ein-langes-Passwort-42", Ct);
        var page = Render<ApiKeyAdministration>();

        page.Find(".wa-new-api-key-label input").Change("Heimlich");
        page.Find("button.wa-new-api-key-issue").Click();

        page.WaitForAssertion(() => Assert.Contains("Rolle Verwaltung", page.Find(".wa-api-key-message").TextContent));
        Assert.Empty(await Keys.ListAsync(Ct));
    }
}
