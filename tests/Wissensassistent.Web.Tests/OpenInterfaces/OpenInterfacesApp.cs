using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.Testing;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>The real app over the sample corpus (BauGB, GemO, a Satzung, a Dienstanweisung), with keys issued as tests need them.</summary>
public sealed class OpenInterfacesApp : IAsyncLifetime
{
    public OpenInterfacesApp()
        : this(configure: null)
    {
    }

    private OpenInterfacesApp(Action<WebAppFactory>? configure)
    {
        Factory = new WebAppFactory();
        Factory.With("OpenInterfaces:PermitLimit", "10000");
        configure?.Invoke(Factory);
    }

    public WebAppFactory Factory { get; }

    /// <summary>What the store holds before the start.</summary>
    public IReadOnlyList<Core.Storage.DocumentBatch> Documents { get; private init; } = SampleCorpus.All;

    public ApiKeyService Keys => Factory.Services.GetRequiredService<ApiKeyService>();

    /// <summary>The sample corpus and <see cref="RestrictedCorpus"/>, for the permission tests.</summary>
    public static OpenInterfacesApp WithRestrictedCorpus() => new(configure: null) { Documents = [.. SampleCorpus.All, .. RestrictedCorpus.All] };

    /// <summary>An app with other settings, for the tests of limits and roles.</summary>
    public static OpenInterfacesApp With(params (string Key, string Value)[] settings) =>
        new(factory =>
        {
            foreach (var (key, value) in settings)
            {
                factory.With(key, value);
            }
        });

    public async ValueTask InitializeAsync()
    {
        // A store filled before the start; this start ingests nothing (Corpus:IngestOnStartup=false).
        using var store = new EmbeddedKnowledgeStore(
            Options.Create(new EmbeddedStoreOptions { StoreDirectory = Path.Combine(Factory.DataPath, "store") }),
            GermanAnalyzer.Default,
            NullLogger<EmbeddedKnowledgeStore>.Instance);
        await store.UpsertAsync(Documents, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A new account in <paramref name="role"/> and a key for it; the secret as the admin would see it once.</summary>
    public async Task<IssuedApiKey> IssueKeyAsync(string role = AppRoles.Staff, params string[] groups)
    {
        var userName = $"api-{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var created = await Factory.Accounts.CreateAsync(userName, role, WebAppFactory.Password);
        Assert.True(created.Succeeded, created.Error);
        if (groups.Length > 0)
        {
            var grouped = await Factory.Accounts.SetGroupsAsync(userName, groups);
            Assert.True(grouped.Succeeded, grouped.Error);
        }

        var (issued, error) = await Keys.IssueAsync("Test " + role, userName);
        Assert.True(issued is not null, error);
        return issued;
    }

    public HttpClient Client(string? key = null)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>The SDK's own MCP client over Streamable HTTP at <c>/mcp</c>, with <paramref name="key"/> as bearer.</summary>
    public async Task<McpClient> McpClientAsync(string key, CancellationToken cancellationToken)
    {
        var http = Factory.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(http.BaseAddress!, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
    }

    /// <summary>Log lines at Information or above, where neither questions nor keys belong.</summary>
    public string InformationLog => string.Join('\n', Factory.Logs.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.All));

    public string FullLog => string.Join('\n', Factory.Logs.Entries.Select(e => e.All));
}
