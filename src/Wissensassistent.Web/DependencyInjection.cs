using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MudBlazor;
using MudBlazor.Services;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Feedback;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Admin;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.Components;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Components.Layout;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Rendering;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web;

public static class DependencyInjection
{
    /// <summary>
    /// The web app: Blazor Server, MudBlazor, browser history, feedback, sign-in with roles, and the admin area with
    /// reindexing (in this process, or through the worker when <c>Admin:WorkerUrl</c> is set). The Core services it uses
    /// (<c>IAnswerService</c>, <c>IKnowledgeStore</c>, <see cref="IndexingStatus"/>) come from <c>AddWissensassistent()</c>,
    /// which must run first.
    /// </summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // A question of MaxQuestionLength characters, and a draft of DraftCitationCheck.MaxCharacters (up to 3 bytes each in
        // UTF-8) for "Zitate prüfen", must fit into one SignalR message (default 32 KB).
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 640 * 1024);

        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            mud.SnackbarConfiguration.PreventDuplicates = true;
            mud.SnackbarConfiguration.VisibleStateDuration = 4000;
        });

        services.AddOptions<WebUiOptions>()
            .BindConfiguration(WebUiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHealthChecks().AddCheck<IndexingHealthCheck>(IndexingHealthCheck.Name);
        services.AddSqliteFeedbackStore();
        AddHistoryKeys(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AnswerMarkdownRenderer>();
        services.AddHostedService<AnswerWarmUp>();
        services.AddScoped<BrowserInterop>();
        services.AddScoped<CurrentReader>();
        AddHistory(services);
        AddSignIn(builder);
        AddAdministration(builder);
        return builder;
    }

    /// <summary>
    /// History: on the server (<c>history.db</c>) for signed-in users, with answers that outlive a reload; in the browser
    /// for anonymous ones. Retention of conversations and of recorded questions.
    /// </summary>
    private static void AddHistory(IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationArchive>();
        services.AddSingleton<QuestionAudit>();
        services.AddSingleton<AnswerRuns>();
        services.AddScoped<BrowserConversationHistory>();
        services.AddScoped<IConversationHistory, UserConversationHistory>();
        services.AddSingleton<DataRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<DataRetention>());
    }

    /// <summary>Cookie sign-in with local accounts or OpenID Connect, and the policies of <see cref="Policies"/>.</summary>
    private static void AddSignIn(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>();
        var settings = builder.Configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (settings.Mode == AuthenticationMode.OpenIdConnect)
            {
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            }
        });
        authentication.AddCookie(cookie =>
        {
            cookie.LoginPath = "/anmelden";
            cookie.LogoutPath = "/abmelden";
            cookie.Cookie.Name = "wa.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = settings.SessionLifetime;
            cookie.SlidingExpiration = true;

            // Signed in but without the role: 403, and the router shows „Kein Zugriff“ instead of a redirect loop.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(options => Policies.Add(options, settings.AllowAnonymousChat));
        services.AddRateLimiter(SignInThrottle.Configure);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<UserAccountStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<InitialAdmin>();

        if (settings.Mode == AuthenticationMode.OpenIdConnect)
        {
            authentication.AddOpenIdConnect(oidc => ConfigureOpenIdConnect(oidc, settings.Oidc));
            return;
        }

        // Local accounts: the first admin, and the account store has the last word on every request and circuit.
        services.AddHostedService<InitialAdminService>();
        services.AddScoped<AuthenticationStateProvider, LocalAccountRevalidation>();
        services.AddScoped<CircuitHandler, LocalAccountCircuitHandler>();
        services.PostConfigure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme,
            cookie => cookie.Events.OnValidatePrincipal = LocalAccountValidation.ValidateCookieAsync);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions oidc, OidcOptions settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.MapInboundClaims = false;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        foreach (var scope in settings.Scopes.Where(scope => scope != "openid"))
        {
            oidc.Scope.Add(scope);
        }

        oidc.TokenValidationParameters.NameClaimType = "preferred_username";
        oidc.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;

        // After the ID token and the user info are in: the provider's values become our roles.
        oidc.Events.OnTicketReceived = context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                OidcRoleMapper.AddRoles(identity, settings);
                OidcRoleMapper.AddGroups(identity, settings);
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Uploads and reindexing: in this process, one run at a time, or through the worker's control API.</summary>
    private static void AddAdministration(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CorpusUploads>();
        var admin = builder.Configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        if (admin.UsesWorker)
        {
            services.AddHttpClient<IReindexControl, WorkerReindexControl>(http =>
            {
                http.BaseAddress = admin.WorkerUrl;
                http.DefaultRequestHeaders.Add(WorkerReindexControl.ApiKeyHeader, admin.WorkerApiKey);
                http.Timeout = TimeSpan.FromSeconds(30);
            }).RedactLoggedHeaders([WorkerReindexControl.ApiKeyHeader]);

            // The worker ingests and embeds; this process only reads the store (ReadinessMonitor) and records its runs.
            services.AddReindexAudit();
            return;
        }

        // The start-up ingestion is a run of the reindex service, so that it never races one from /admin.
        services.AddReindexing();
        services.AddHostedService<StartupReindex>();
    }

    /// <summary>
    /// The browser history is encrypted with Data Protection keys; kept in the data folder (not in the user's home) and
    /// under a fixed application name, they survive restarts and redeployments to another folder.
    /// </summary>
    private static void AddHistoryKeys(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Wissensassistent");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataFolder>, ILoggerFactory>((keys, data, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(data.Value.KeysDirectory), loggers));
    }

    /// <summary>Middleware and endpoints of the web app, including <c>/health</c> and sign-in.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute(StatusCodePage.PathFormat);
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication: the open interfaces' limits are per API key. Once in the pipeline, for every policy.
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/health");
        app.MapAuditExport();
        app.MapGet("/verwaltung", () => TypedResults.LocalRedirect("/admin", permanent: true));
        if (app.Services.GetRequiredService<IOptions<SignInOptions>>().Value.Mode == AuthenticationMode.OpenIdConnect)
        {
            app.MapGet("/anmelden/extern", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = LocalReturnUrl.Sanitize(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]));
        }

        return app;
    }
}
