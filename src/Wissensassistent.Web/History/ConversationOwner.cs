using System.Security.Claims;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.History;

/// <summary>Whose history a user sees: a signed-in user's name (kept on the server), or null (kept in the browser).</summary>
public static class ConversationOwner
{
    public static string? Of(ClaimsPrincipal? user) => SignedInName.Of(user);
}
