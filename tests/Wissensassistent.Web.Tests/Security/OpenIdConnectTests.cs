using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private const string Secret = "geheimnis-des-clients-0123456789";

    private readonly WebAppFactory _app = new WebAppFactory()
        .With("Authentication:Mode", "OpenIdConnect")
        .With("Authentication:Oidc:Authority", "https://login.example.org/realms/verwaltung")
        .With("Authentication:Oidc:ClientId", "wissensassistent")
        .With("Authentication:Oidc:ClientSecret", Secret)
        .With("Authentication:Oidc:Scopes:0", "profile")
        .With("Authentication:Oidc:Scopes:1", "groups")
        .With("Authentication:Oidc:RoleClaim", "groups")
        .With("Authentication:Oidc:RoleMapping:wa-admins", "Admin")
        .With("Authentication:Oidc:RoleMapping:rechtsamt", "LegalOfficer");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Configuration_WiresTheOidcScheme_AsChallenge_WithTheConfiguredClient()
    {
        var schemes = _app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var oidc = _app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, (await schemes.GetDefaultChallengeSchemeAsync())?.Name);
        Assert.Equal("https://login.example.org/realms/verwaltung", oidc.Authority);
        Assert.Equal("wissensassistent", oidc.ClientId);
        Assert.Equal(Secret, oidc.ClientSecret);
        Assert.Equal(["openid", "profile", "groups"], oidc.Scope);
        Assert.True(oidc.UsePkce);
        Assert.Equal("code", oidc.ResponseType);
    }

    [Fact]
    public async Task TicketReceived_MapsTheProvidersGroupsToOurRoles()
    {
        var oidc = _app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity([new Claim("groups", "wa-admins"), new Claim("groups", "kantine")], "oidc", "preferred_username", ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TicketReceivedContext(
            new DefaultHttpContext { RequestServices = _app.Services }, scheme, oidc, new AuthenticationTicket(principal, scheme.Name));

        await oidc.Events.TicketReceived(context);

        Assert.True(principal.IsInRole(AppRoles.Admin));
        Assert.False(principal.IsInRole(AppRoles.LegalOfficer));
        Assert.Equal([AppRoles.Admin], identity.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    [Fact]
    public async Task Secret_NeverAppearsInTheLog_AndNoLocalAdminIsCreated()
    {
        using var client = _app.CreateBrowserlikeClient();
        using var _ = await client.GetAsync("/anmelden", TestContext.Current.CancellationToken);

        Assert.NotEmpty(_app.Logs.Entries);
        Assert.DoesNotContain(_app.Logs.Entries, entry => (entry.Message + entry.Values + entry.Exception).Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Entries, entry => entry.EventId.Id == 5310);
    }

    [Fact]
    public void MissingAuthority_StopsTheStart_WithAGermanReason()
    {
        using var app = new WebAppFactory().With("Authentication:Mode", "OpenIdConnect").With("Authentication:Oidc:ClientId", "x");

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Authentication:Oidc:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleMapper_AcceptsOurRoleNamesDirectly_AndJsonArrays()
    {
        var identity = new ClaimsIdentity([new Claim("roles", "[\"Staff\",\"rechtsamt\"]")], "oidc", "name", ClaimTypes.Role);

        var roles = OidcRoleMapper.AddRoles(identity, new OidcOptions { RoleMapping = new(StringComparer.OrdinalIgnoreCase) { ["rechtsamt"] = AppRoles.LegalOfficer } });

        Assert.Equal([AppRoles.Staff, AppRoles.LegalOfficer], roles);
    }
}
