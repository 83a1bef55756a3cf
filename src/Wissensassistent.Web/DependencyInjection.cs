using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Wissensassistent.Core.Indexing;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.EmbeddedStore.Feedback;
using Wissensassistent.Web.Components;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Rendering;

namespace Wissensassistent.Web;

public static class DependencyInjection
{
    /// <summary>
    /// The chat UI: Blazor Server, MudBlazor, browser history, feedback. The Core services it uses
    /// (<c>IAnswerService</c>, <c>IKnowledgeStore</c>, <see cref="IndexingStatus"/>) come from <c>AddWissensassistent()</c>.
    /// </summary>
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A question of MaxQuestionLength characters must fit into one SignalR message (default 32 KB).
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);

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
        services.TryAddSingleton<IndexingStatus>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AnswerMarkdownRenderer>();
        services.AddScoped<BrowserInterop>();
        services.AddScoped<IConversationHistory, BrowserConversationHistory>();
        return services;
    }

    /// <summary>
    /// The browser history is encrypted with Data Protection keys; kept next to the database (not in the user's
    /// home) and under a fixed application name, they survive restarts and redeployments to another folder.
    /// </summary>
    private static void AddHistoryKeys(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Wissensassistent");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<FeedbackStoreOptions>, ILoggerFactory>((keys, store, loggers) =>
            {
                var directory = Path.Combine(Path.GetDirectoryName(store.Value.DatabasePath) ?? ".", "keys");
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), loggers);
            });
    }

    /// <summary>Middleware and endpoints of the chat UI, including <c>/health</c>.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/nicht-gefunden");
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/health");
        return app;
    }
}
