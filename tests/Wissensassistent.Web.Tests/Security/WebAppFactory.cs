using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>
/// The real web app in the test server: its own data folder, a corpus of two real law files, no embedding model and no
/// ingestion at start. Full runs wait at <see cref="Gate"/> when it is closed. Logs are captured.
/// </summary>
public sealed partial class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "richtig-langes-Passwort-1";

    private readonly TemporaryFolder? _folder;
    private readonly string _root;
    private readonly Dictionary<string, string?> _settings;
    private Action<IServiceCollection>? _configureServices;

    public WebAppFactory()
        : this(root: null)
    {
    }

    private WebAppFactory(string? root)
    {
        if (root is null)
        {
            _folder = new TemporaryFolder("wissen-webapp");
        }

        _root = root ?? _folder!.Path;
        if (Directory.Exists(CorpusPath))
        {
            _settings = DefaultSettings();
            return;
        }

        foreach (var file in new[] { "bund/ifg.md", "bund/vwzg_2005.md" })
        {
            var target = Path.Combine(CorpusPath, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target);
        }

        _settings = DefaultSettings();
    }

    private Dictionary<string, string?> DefaultSettings() =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["Data:Directory"] = DataPath,
            ["Corpus:Path"] = CorpusPath,
            ["Corpus:IngestOnStartup"] = "false",
            ["WebUi:WarmUpOnStart"] = "false",
            ["LanguageModels:Embeddings:Provider"] = "None",

            // All test clients share one (missing) remote address; tests of the throttle set their own limit.
            ["Authentication:SignInAttemptsPerMinute"] = "1000",
        };

    /// <summary>An app on a folder the caller owns, with a corpus of its own; a second one on the same folder is a restart.</summary>
    public static WebAppFactory OnFolder(string root) => new(root);

    /// <summary>Replaces services (a model, a store) before the app is first used.</summary>
    public WebAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _configureServices += configure;
        return this;
    }

    /// <summary>Another setting; only before the app is first used.</summary>
    public WebAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The folder holding <see cref="CorpusPath"/> and <see cref="DataPath"/>.</summary>
    public string RootPath => _root;

    public string CorpusPath => Path.Combine(_root, "corpus");

    public string DataPath => Path.Combine(_root, "data");

    public GenerationGate Gate { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public AccountService Accounts => Services.GetRequiredService<AccountService>();

    /// <summary>Header by which a test client claims a remote address (the test server has none of its own).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A browser-like client that the app sees coming from <paramref name="remoteAddress"/>.</summary>
    public HttpClient CreateBrowserlikeClient(string remoteAddress)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, remoteAddress);
        return client;
    }

    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var userName = $"test-{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
        var created = await Accounts.CreateAsync(userName, role, Password);
        Assert.True(created.Succeeded, created.Error);
        var client = CreateBrowserlikeClient();
        using var response = await PostSignInAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fetches the form (antiforgery token and cookie), then posts it like a browser.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var path = "/anmelden" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, "Das Anmeldeformular enthält kein Antiforgery-Token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "anmelden",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(path, content);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            GatedGenerations.Replace(services, Gate);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder?.Dispose();
        }
    }

    /// <summary>Sets the remote address a test client claims in <see cref="ClientAddressHeader"/>, before the app's middleware.</summary>
    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
