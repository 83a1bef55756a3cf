namespace Wissensassistent.Web.Security;

public enum AuthenticationMode
{
    /// <summary>Accounts with hashed passwords in the data folder; the default.</summary>
    Local,

    /// <summary>Sign-in at the organisation's identity provider; roles come from a claim.</summary>
    OpenIdConnect,
}
