namespace Wissensassistent.Web.Security;

/// <summary>The OpenID Connect provider (section <c>Authentication:Oidc</c>). The secret is never logged.</summary>
public sealed class OidcOptions
{
    /// <summary>Issuer address, e.g. <c>https://login.example.org/realms/verwaltung</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes requested besides <c>openid</c>.</summary>
    public List<string> Scopes { get; set; } = ["profile"];

    /// <summary>Claim in the ID token (or user info) that carries the provider's role or group values.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Provider value → our role (<c>Staff</c>, <c>LegalOfficer</c>, <c>Admin</c>); values of the same name need no entry.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claim that carries the provider's groups (Keycloak's group mapper, Entra ID's <c>groups</c>): the document groups.</summary>
    public string GroupClaim { get; set; } = "groups";

    /// <summary>
    /// Provider value → our document group (<c>/Personalamt</c> or an Entra object id → <c>personalamt</c>). Empty: every
    /// value is a group as it is (a leading <c>/</c> of Keycloak paths dropped). With entries: only mapped values count.
    /// </summary>
    public Dictionary<string, string> GroupMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only for a test provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Keeps the secret out of anything that prints the options.</summary>
    public override string ToString() => $"Authority={Authority}, ClientId={ClientId}, ClientSecret={(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}";
}
