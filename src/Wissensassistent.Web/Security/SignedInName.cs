using System.Security.Claims;

namespace Wissensassistent.Web.Security;

/// <summary>The name of a signed-in user, or null when nobody (or a nameless identity) is signed in.</summary>
public static class SignedInName
{
    public static string? Of(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
}
