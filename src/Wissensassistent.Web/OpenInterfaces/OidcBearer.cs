using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>
/// With <c>Authentication:Mode=OpenIdConnect</c>, the interfaces also take an access token of the same provider
/// (<c>Authorization: Bearer eyJ…</c>): issuer and signature from the provider's metadata, audience
/// <see cref="OpenInterfacesOptions.OidcAudience"/> (default: the client id), roles mapped as at sign-in.
/// </summary>
public static class OidcBearer
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    public static void Add(AuthenticationBuilder authentication, OidcOptions oidc, OpenInterfacesOptions settings)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(oidc);
        ArgumentNullException.ThrowIfNull(settings);
        authentication.AddJwtBearer(SchemeName, bearer =>
        {
            bearer.Authority = oidc.Authority;
            bearer.Audience = settings.OidcAudience ?? oidc.ClientId;
            bearer.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters.NameClaimType = "preferred_username";
            bearer.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
            bearer.Events = new JwtBearerEvents
            {
                // Our API keys are not tokens of the provider; the API key scheme reads them.
                OnMessageReceived = context =>
                {
                    if (context.Request.Headers.Authorization.ToString().Contains(" " + ApiKeys.ApiKeyService.KeyPrefix, StringComparison.Ordinal))
                    {
                        context.NoResult();
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        OidcRoleMapper.AddRoles(identity, oidc);
                        OidcRoleMapper.AddGroups(identity, oidc);
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }
}
