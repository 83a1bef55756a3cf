using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.Security;
using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>Every interface needs a key; keys are hashed, revocable, bound to a role and rate-limited.</summary>
public sealed class AccessTests(OpenInterfacesApp app) : IClassFixture<OpenInterfacesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Endpoints { get; } = new()
    {
        { "GET", "/api/search?q=Au%C3%9Fenbereich" },
        { "GET", "/api/norms/BauGB/35" },
        { "POST", "/api/answers" },
        { "POST", "/api/citation-checks" },
        { "GET", "/v1/models" },
        { "POST", "/v1/chat/completions" },
        { "POST", "/mcp" },
        { "GET", "/openapi/v1.json" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithoutKey_Every_Endpoint_Answers401_WithGermanProblemDetails(string method, string path)
    {
        using var http = app.Client();

        using var response = await http.SendAsync(Request(method, path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("API-Schlüssel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithAnUnknownKey_Every_Endpoint_Answers401(string method, string path)
    {
        using var http = app.Client("wa_" + new string('x', 43));

        using var response = await http.SendAsync(Request(method, path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unbekannt oder widerrufen", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInCookie_IsNoCredentialForTheInterfaces()
    {
        using var browser = await app.Factory.SignedInClientAsync(AppRoles.Admin);

        using var response = await browser.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AfterInstallation_NoKeyExists()
    {
        await using var fresh = new OpenInterfacesApp();

        Assert.Empty(await fresh.Keys.ListAsync(Ct));
    }

    [Fact]
    public async Task Key_IsStoredOnlyAsItsHash_AndWorksInEitherHeader()
    {
        var key = await app.IssueKeyAsync();
        using var viaHeader = app.Client();
        viaHeader.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key.Secret);

        using var response = await viaHeader.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^wa_[A-Za-z0-9_-]{43}$", key.Secret);
        var contents = SqliteFileText.Read(app.Factory.Services.GetRequiredService<ApiKeyStore>().DatabasePath);
        Assert.DoesNotContain(key.Secret[3..], contents, StringComparison.Ordinal);
        Assert.Contains(ApiKeyService.Hash(key.Secret), contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_Is401AtOnce()
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/models", Ct)).StatusCode);

        await app.Keys.RevokeAsync(key.Key.Id, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/models", Ct)).StatusCode);
        Assert.True(Assert.Single(await app.Keys.ListAsync(Ct), k => k.Id == key.Key.Id).IsRevoked);
    }

    [Fact]
    public async Task KeyOfADisabledAccount_StopsWorking_UntilTheAccountIsEnabled()
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);

        Assert.True((await app.Factory.Accounts.SetDisabledAsync(key.Key.UserName, disabled: true, Ct)).Succeeded);
        var disabled = (await http.GetAsync("/v1/models", Ct)).StatusCode;
        Assert.True((await app.Factory.Accounts.SetDisabledAsync(key.Key.UserName, disabled: false, Ct)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, disabled);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/models", Ct)).StatusCode);
    }

    [Fact]
    public async Task KeyOfARemovedAccount_StopsWorking()
    {
        var key = await app.IssueKeyAsync();
        SqliteConnection.ClearAllPools();
        await using (var users = new SqliteConnection($"Data Source={Path.Combine(app.Factory.DataPath, "users.db")}"))
        {
            await users.OpenAsync(Ct);
            await using var delete = users.CreateCommand();
            delete.CommandText = "DELETE FROM users WHERE user_name = $name";
            delete.Parameters.AddWithValue("$name", key.Key.UserName);
            await delete.ExecuteNonQueryAsync(Ct);
        }

        using var http = app.Client(key.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/models", Ct)).StatusCode);
    }

    [Fact]
    public async Task Issue_NeedsAnExistingAccountAndALabel()
    {
        var (noUser, userError) = await app.Keys.IssueAsync("Fachverfahren", "gibt-es-nicht", Ct);
        var (noLabel, labelError) = await app.Keys.IssueAsync(" ", "admin", Ct);

        Assert.Null(noUser);
        Assert.Contains("Benutzerkonto", userError, StringComparison.Ordinal);
        Assert.Null(noLabel);
        Assert.Contains("Bezeichnung", labelError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyOfARoleNotAllowed_Gets403_AndAnAllowedRoleGetsIn()
    {
        await using var restricted = OpenInterfacesApp.With(("OpenInterfaces:Roles:0", AppRoles.LegalOfficer), ("OpenInterfaces:Roles:1", AppRoles.Admin));
        await restricted.InitializeAsync();
        using var staff = restricted.Client((await restricted.IssueKeyAsync(AppRoles.Staff)).Secret);
        using var legal = restricted.Client((await restricted.IssueKeyAsync(AppRoles.LegalOfficer)).Secret);

        using var forbidden = await staff.GetAsync("/api/norms/BauGB/35", Ct);
        using var allowed = await legal.GetAsync("/api/norms/BauGB/35", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Contains("keine Rolle", await forbidden.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task PastTheLimit_Is429PerKey_WithRetryAfter()
    {
        await using var limited = OpenInterfacesApp.With(("OpenInterfaces:PermitLimit", "3"), ("OpenInterfaces:Window", "00:10:00"));
        await limited.InitializeAsync();
        using var first = limited.Client((await limited.IssueKeyAsync()).Secret);
        using var second = limited.Client((await limited.IssueKeyAsync()).Secret);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await first.GetAsync("/v1/models", Ct);
            statuses.Add(response.StatusCode);
        }

        using var limitedResponse = await first.GetAsync("/api/norms/BauGB/35", Ct);
        using var otherKey = await second.GetAsync("/v1/models", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedResponse.StatusCode);
        Assert.NotNull(limitedResponse.Headers.RetryAfter);
        Assert.Contains("Kontingent", await limitedResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task QuestionsAndKeys_NeverReachTheLog()
    {
        const string question = "Darf ich im Außenbereich eine Scheune für meinen Forstbetrieb bauen?";
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);

        await http.PostAsJsonAsync("/api/answers", new { question }, Ct);
        await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(question), Ct);
        await http.PostAsJsonAsync("/v1/chat/completions", new { messages = new[] { new { role = "user", content = question } } }, Ct);

        Assert.DoesNotContain("Scheune", app.InformationLog, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, app.FullLog, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { question = "Außenbereich" }) : null };
}
