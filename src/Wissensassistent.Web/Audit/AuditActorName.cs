using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Audit;

/// <summary>The actor of an audit entry: the signed-in account's name, or <see cref="AuditActors.Anonymous"/>.</summary>
public static class AuditActorName
{
    public static string Of(ClaimsPrincipal? user) => SignedInName.Of(user) ?? AuditActors.Anonymous;

    public static async Task<string> OfAsync(Task<AuthenticationState>? state) =>
        state is null ? AuditActors.Anonymous : Of((await state.ConfigureAwait(false)).User);
}
