using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.OpenInterfaces.Mcp;
using Wissensassistent.Web.OpenInterfaces.OpenAi;
using Wissensassistent.Web.OpenInterfaces.Rest;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>
/// The open interfaces: the MCP server at <c>/mcp</c>, the OpenAI-compatible <c>/v1</c>, the REST API at <c>/api</c> and
/// its OpenAPI document. All are always mapped and all need an API key (policy <see cref="Policy"/>); each key has its
/// own rate limit.
/// </summary>
public static class OpenInterfacesRegistration
{
    /// <summary>An API key whose account has one of <see cref="OpenInterfacesOptions.Roles"/>.</summary>
    public const string Policy = "OpenInterfaces";

    public const string RateLimitPolicy = "OpenInterfacesPerKey";

    private static readonly string[] Prefixes = ["/mcp", "/v1", "/api", "/openapi"];

    /// <summary>The SDK's options, but "§ 35" stays readable in the text content instead of "\u00A7 35".</summary>
    private static readonly JsonSerializerOptions ToolJson = new(McpJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplicationBuilder AddOpenInterfaces(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OpenInterfacesOptions>()
            .BindConfiguration(OpenInterfacesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(OpenInterfacesOptions.SectionName).Get<OpenInterfacesOptions>() ?? new OpenInterfacesOptions();

        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyService>();
        services.AddHttpContextAccessor();
        services.AddSingleton<OpenInterfaceQueries>();
        var authentication = services.AddAuthentication();
        var signIn = builder.Configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();
        string[] schemes = [ApiKeyAuthenticationHandler.SchemeName];
        if (signIn.Mode == AuthenticationMode.OpenIdConnect)
        {
            // The bearer scheme answers a challenge first; the API key scheme then writes the German problem details.
            OidcBearer.Add(authentication, signIn.Oidc, settings);
            schemes = [OidcBearer.SchemeName, ApiKeyAuthenticationHandler.SchemeName];
        }

        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(schemes)
            .RequireAuthenticatedUser()
            .RequireRole(settings.EffectiveRoles));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(RateLimitPolicy, PerKey);
        });

        services.AddMcpServer(mcp => mcp.ServerInfo = new Implementation { Name = "wissensassistent", Title = "Wissensassistent", Version = "1.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools<NormTools>(ToolJson);

        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description =>
                description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("v1/", StringComparison.Ordinal));
            openApi.AddDocumentTransformer<OpenApiDescription>();
        });
        return builder;
    }

    public static WebApplication MapOpenInterfaces(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Answers of these paths are JSON for programs, never the UI's "nicht gefunden" page.
        app.Use((context, next) =>
        {
            if (IsInterfacePath(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

        // The rate limiter middleware is in the pipeline once (MapWebUi); twice would count each request twice.

        app.MapMcp("/mcp").RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy).WithTags("MCP");
        app.MapOpenAiCompatible().RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        app.MapRestApi().RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        app.MapOpenApi().RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static bool IsInterfacePath(PathString path) =>
        Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>One fixed window per key; a caller without a key never gets here (the policy answers 401 first).</summary>
    private static RateLimitPartition<string> PerKey(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenInterfacesOptions>>().Value;
        var partition = context.User.FindFirstValue(ApiKeyService.KeyIdClaim)
            ?? context.User.Identity?.Name
            ?? context.Connection.RemoteIpAddress?.ToString()
            ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(ApiProblems.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            "Zu viele Anfragen",
            $"Dieser API-Schlüssel hat sein Kontingent ausgeschöpft. Bitte in {seconds} Sekunden erneut versuchen."));
    }
}
