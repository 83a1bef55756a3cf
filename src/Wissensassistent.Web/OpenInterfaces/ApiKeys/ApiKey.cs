namespace Wissensassistent.Web.OpenInterfaces.ApiKeys;

/// <summary>An issued API key as stored: never the key itself, only its SHA-256 hash.</summary>
/// <param name="Id">Public identifier (shown in /admin, used for rate limiting and revocation).</param>
/// <param name="Label">What the admin called it ("Open WebUI Rathaus").</param>
/// <param name="UserName">The local account the key acts as; its role decides what the key may do.</param>
/// <param name="Prefix">The first characters of the key, so that staff can tell keys apart.</param>
public sealed record ApiKey(
    string Id,
    string Label,
    string UserName,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
