using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>With OpenID Connect configured, an access token of the provider is a credential too, its roles mapped as at sign-in.</summary>
public sealed class OidcBearerTests : IAsyncLifetime
{
    private const string Issuer = "https://login.example.org/realms/verwaltung";
    private static readonly SymmetricSecurityKey SigningKey = new(System.Text.Encoding.UTF8.GetBytes("ein-langer-geheimer-testschluessel-0123456789"));

    private readonly OpenInterfacesApp _app = OpenInterfacesApp.With(
        ("Authentication:Mode", "OpenIdConnect"),
        ("Authentication:Oidc:Authority", Issuer),
        ("Authentication:Oidc:ClientId", "wissensassistent"),
        ("Authentication:Oidc:ClientSecret", "geheimnis-des-clients-0123456789"),
        ("Authentication:Oidc:RoleClaim", "groups"),
        ("Authentication:Oidc:RoleMapping:sachbearbeitung", "Staff"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The provider's metadata, as if fetched: its issuer and signing key.
        _app.Factory.WithServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
            metadata.SigningKeys.Add(SigningKey);
            bearer.Configuration = metadata;
            bearer.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        }));
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TokenOfTheProvider_WithAMappedGroup_IsLetIn()
    {
        using var http = Client(Token("wissensassistent", "sachbearbeitung"));

        using var response = await http.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutAMappedRole_Gets403()
    {
        using var http = Client(Token("wissensassistent", "kantine"));

        using var response = await http.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("keine Rolle", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenForAnotherAudience_Gets401()
    {
        using var http = Client(Token("ein-anderer-dienst", "sachbearbeitung"));

        using var response = await http.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Zugriffstoken", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeys_StillWork_BesideTokens()
    {
        var key = await _app.IssueKeyAsync();
        using var http = _app.Client(key.Secret);

        using var response = await http.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var http = _app.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Token(string audience, string group) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("preferred_username", "m.muster"), new Claim("groups", group)]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
    });
}
