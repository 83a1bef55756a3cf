using System.Security.Claims;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Security;

/// <summary>
/// The document groups of a signed-in identity travel as claims of type <see cref="ClaimType"/>: set at sign-in from the
/// local account, from the OIDC group claim, or per request from an API key's account. What a principal may read is
/// <see cref="AccessOf"/>; without a sign-in that is public documents only.
/// </summary>
public static class ReaderGroups
{
    public const string ClaimType = "wa:group";

    /// <summary>Adds the (normalized) groups as claims; groups already present are not added twice.</summary>
    public static void Add(ClaimsIdentity identity, IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var group in DocumentAccess.NormalizeGroups(groups).Where(group => !identity.HasClaim(ClaimType, group)))
        {
            identity.AddClaim(new Claim(ClaimType, group));
        }
    }

    /// <summary>What this principal may read. Anonymous: public documents only. No role sees more than its groups.</summary>
    public static DocumentAccess AccessOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? DocumentAccess.ForGroups(user.FindAll(ClaimType).Select(claim => claim.Value))
            : DocumentAccess.Public;
}
