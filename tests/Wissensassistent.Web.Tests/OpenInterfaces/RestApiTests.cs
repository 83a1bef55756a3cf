using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>GET /api/search, GET /api/norms/{law}/{section}, POST /api/answers and their OpenAPI document.</summary>
public sealed class RestApiTests(OpenInterfacesApp app) : IClassFixture<OpenInterfacesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WithFilters_ReturnsRankedPassagesOfThatLawOnly()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var result = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=Vorhaben%20zul%C3%A4ssig&law=BauGB&top=5", Ct));

        var hits = result.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal("BauGB", hit.GetProperty("passage").GetProperty("law").GetString()));
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(h => h.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Search_UnknownLevel_Is400WithGermanProblemDetails()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.GetAsync("/api/search?q=Hund&level=Galaxis", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Unbekannter Wert „Galaxis“", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Norm_ReturnsTheAbsatz_WithStandAndSource()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var norm = JsonDocument.Parse(await http.GetStringAsync("/api/norms/baugb/35?absatz=1", Ct));

        Assert.True(norm.RootElement.GetProperty("found").GetBoolean());
        Assert.Equal("§ 35 Abs. 1 BauGB", norm.RootElement.GetProperty("citation").GetString());
        Assert.Equal("bund/bbaug.md", norm.RootElement.GetProperty("source").GetString());
        Assert.StartsWith("Im Außenbereich ist ein Vorhaben nur zulässig", Assert.Single(norm.RootElement.GetProperty("passages").EnumerateArray()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Norm_Unknown_Is404WithTheNearestNorms()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.GetAsync("/api/norms/BauGB/37", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var norm = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.False(norm.RootElement.GetProperty("found").GetBoolean());
        Assert.Contains("§ 36 BauGB", norm.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Norm_UnknownAbsatz_Is404WithTheAbsaetzeThatExist()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.GetAsync("/api/norms/BauGB/35?absatz=9", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var norm = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("UnknownAbsatz", norm.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("hat keinen Absatz 9", norm.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["§ 35 Abs. 1 BauGB", "§ 35 Abs. 2 BauGB", "§ 35 Abs. 3 BauGB"], norm.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Answer_IsVerified_AndFollowsUpOnHistory()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.PostAsJsonAsync("/api/answers", new { question = "Wann ist ein Vorhaben im Außenbereich zulässig?", law = "BauGB" }, Ct);

        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.False(answer.RootElement.GetProperty("refused").GetBoolean());
        Assert.All(answer.RootElement.GetProperty("citations").EnumerateArray(), c => Assert.True(c.GetProperty("verified").GetBoolean()));
        Assert.True(answer.RootElement.GetProperty("checks").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task CitationCheck_ReturnsEachCitationWithItsStatus_And400ForAnEmptyText()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.PostAsJsonAsync("/api/citation-checks", new { text = "Die Gartenhütte ist nach § 35 Abs. 2 BauGB zu beurteilen, nicht nach § 20 BauGB." }, Ct);
        using var empty = await http.PostAsJsonAsync("/api/citation-checks", new { text = "" }, Ct);

        response.EnsureSuccessStatusCode();
        using var check = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["Resolved", "Repealed"], check.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Der Entwurf ist leer", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Gartenhütte", app.InformationLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_EmptyQuestion_Is400()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var response = await http.PostAsJsonAsync("/api/answers", new { question = "  " }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte eine Frage stellen", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRestAndOpenAiEndpoints()
    {
        using var http = app.Client((await app.IssueKeyAsync()).Secret);

        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/norms/{law}/{section}", paths);
        Assert.Contains("/api/answers", paths);
        Assert.Contains("/v1/chat/completions", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/verwaltung", StringComparison.Ordinal));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("Wissensassistent", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }
}
