using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Wissensassistent.Web.OpenInterfaces.ApiKeys;

/// <summary>
/// Reads a key from <c>Authorization: Bearer wa_…</c> or <c>X-Api-Key</c>. A bearer token that is not one of our keys is
/// left to the OIDC bearer scheme. A challenge or a forbid is answered with German problem details.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await keys.AuthenticateAsync(presented, Scheme.Name, Context.RequestAborted).ConfigureAwait(false);
        if (principal is null)
        {
            KeyRejected(Logger);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Response.Headers.WWWAuthenticate.Count == 0)
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"Wissensassistent\"";
        }

        var detail = Presented(Request) is null
            ? Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? "Das Zugriffstoken ist ungültig oder abgelaufen, oder die Schnittstelle nimmt keine Tokens an (nur mit OpenID Connect)."
                : "Diese Schnittstelle braucht einen API-Schlüssel: „Authorization: Bearer wa_…“ oder „X-Api-Key: wa_…“. Schlüssel vergibt die Verwaltung unter /admin."
            : "Der API-Schlüssel ist unbekannt oder widerrufen.";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Nicht angemeldet", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "Kein Zugriff",
            "Das Benutzerkonto dieses Schlüssels hat keine Rolle, die diese Schnittstelle nutzen darf.");

    /// <summary>Our key from either header; null when none is presented (another scheme's bearer token included).</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.StartsWith(ApiKeyService.KeyPrefix, StringComparison.Ordinal) ? token : null;
        }

        return null;
    }

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "An unknown or revoked API key was presented")]
    private static partial void KeyRejected(ILogger logger);
}
