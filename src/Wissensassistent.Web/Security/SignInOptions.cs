namespace Wissensassistent.Web.Security;

/// <summary>How people sign in and what they may do without (section <c>Authentication</c>).</summary>
public sealed class SignInOptions
{
    public const string SectionName = "Authentication";

    public AuthenticationMode Mode { get; set; } = AuthenticationMode.Local;

    /// <summary>Questions, norms and history without signing in. On by default so that the quick start works as it is;
    /// set to false where only staff may ask.</summary>
    public bool AllowAnonymousChat { get; set; } = true;

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts (and password changes) one client may post per minute; more get HTTP 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>The identity provider, for <see cref="AuthenticationMode.OpenIdConnect"/>.</summary>
    public OidcOptions Oidc { get; set; } = new();
}
