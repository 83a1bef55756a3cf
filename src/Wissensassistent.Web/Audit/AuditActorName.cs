using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Audit;

/// <summary>The actor of an audit entry: the signed-in account's name, or <see cref="AuditActors.Anonymous"/>.</summary>
public static class AuditActorName
{
    public static string Of(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AuditActors.Anonymous;

    public static async Task<string> OfAsync(Task<AuthenticationState>? state) =>
        state is null ? AuditActors.Anonymous : Of((await state.ConfigureAwait(false)).User);
}
