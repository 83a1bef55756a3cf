using System.Security.Claims;

namespace Wissensassistent.Web.History;

/// <summary>Whose history a user sees: a signed-in user's name (kept on the server), or null (kept in the browser).</summary>
public static class ConversationOwner
{
    public static string? Of(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
}
