using Microsoft.AspNetCore.Authorization;

namespace Wissensassistent.Web.Security;

/// <summary>Every authorization policy of the app, in one place.</summary>
public static class Policies
{
    /// <summary>The admin area <c>/admin</c> and every action in it: role <see cref="AppRoles.Admin"/>.</summary>
    public const string AdminArea = "AdminArea";

    /// <summary>Reading feedback (<c>/rueckmeldungen</c>): <see cref="AppRoles.LegalOfficer"/> or <see cref="AppRoles.Admin"/>.</summary>
    public const string FeedbackReview = "FeedbackReview";

    /// <summary>
    /// Checking a draft's citations (<c>/zitate-pruefen</c>): any signed-in role, also where anonymous chat is allowed, since
    /// a draft is the authority's own internal text.
    /// </summary>
    public const string DraftCheck = "DraftCheck";

    /// <summary>Asking, norms and history: everyone when anonymous chat is allowed, otherwise any signed-in role.</summary>
    public const string Chat = "Chat";

    public static void Add(AuthorizationOptions options, bool allowAnonymousChat)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(AdminArea, policy => policy.RequireRole(AppRoles.Admin));
        options.AddPolicy(FeedbackReview, policy => policy.RequireRole(AppRoles.LegalOfficer, AppRoles.Admin));
        options.AddPolicy(DraftCheck, policy => policy.RequireRole([.. AppRoles.All]));
        options.AddPolicy(Chat, policy =>
        {
            if (allowAnonymousChat)
            {
                policy.RequireAssertion(_ => true);
            }
            else
            {
                policy.RequireRole([.. AppRoles.All]);
            }
        });
    }
}
