using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Wissensassistent.Testing;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>
/// The open interfaces read as the key's account: Anna (group personalamt) and Ben (group kaemmerei), both Staff, ask
/// REST, the OpenAI endpoint and MCP the same things; the Personalamt's passage, its text and its law's name reach only
/// Anna, through results, answers, 404 suggestions and the log. An administrator outside the group sees no more.
/// </summary>
public sealed class DocumentPermissionInterfaceTests : IAsyncLifetime
{
    private readonly OpenInterfacesApp _app = OpenInterfacesApp.WithRestrictedCorpus();
    private string _anna = "";
    private string _ben = "";
    private string _admin = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string RestrictedText => RestrictedCorpus.PersonalamtBatch.Chunks[0].Text;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _anna = (await _app.IssueKeyAsync(AppRoles.Staff, "Personalamt")).Secret;
        _ben = (await _app.IssueKeyAsync(AppRoles.Staff, "kaemmerei")).Secret;
        _admin = (await _app.IssueKeyAsync(AppRoles.Admin)).Secret;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RestSearch_RestrictedPassage_OnlyForItsGroup()
    {
        var anna = await SearchSourcesAsync(_anna);
        var ben = await SearchSourcesAsync(_ben);
        var admin = await SearchSourcesAsync(_admin);

        Assert.Contains(RestrictedCorpus.Personalamt.Id, anna);
        Assert.DoesNotContain(RestrictedCorpus.Personalamt.Id, ben);
        Assert.Contains(RestrictedCorpus.Kaemmerei.Id, ben);
        Assert.DoesNotContain(RestrictedCorpus.Personalamt.Id, admin);
        Assert.DoesNotContain(RestrictedCorpus.Kaemmerei.Id, admin);
        Assert.Contains(RestrictedCorpus.Bauhof.Id, admin);
    }

    [Fact]
    public async Task RestNorm_RestrictedNorm_Is404ForOthers_WithoutSuggestingIt()
    {
        var law = Uri.EscapeDataString(RestrictedCorpus.PersonalamtLaw);
        var nearMiss = Uri.EscapeDataString(RestrictedCorpus.PersonalamtLaw[..^2]);
        using var anna = _app.Client(_anna);
        using var ben = _app.Client(_ben);

        using var annaResponse = await anna.GetAsync($"/api/norms/{law}/1", Ct);
        using var benResponse = await ben.GetAsync($"/api/norms/{law}/1", Ct);
        using var benNearMiss = await ben.GetAsync($"/api/norms/{nearMiss}/1", Ct);
        using var annaNearMiss = await anna.GetAsync($"/api/norms/{nearMiss}/1", Ct);

        Assert.Equal(HttpStatusCode.OK, annaResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, benResponse.StatusCode);
        AssertNoTrace(await benResponse.Content.ReadAsStringAsync(Ct), allowLawName: true);
        Assert.Equal(HttpStatusCode.NotFound, benNearMiss.StatusCode);
        AssertNoTrace(await benNearMiss.Content.ReadAsStringAsync(Ct));
        Assert.Contains(RestrictedCorpus.PersonalamtLaw, await annaNearMiss.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestAnswer_AndChatCompletion_CiteTheRestrictedPassageOnlyForItsGroup()
    {
        const string question = "Wie wird die Rufbereitschaft der Beschäftigten vergütet?";
        var anna = await AnswerAsync(_anna, question);
        var ben = await AnswerAsync(_ben, question);
        var annaChat = await ChatAsync(_anna, question);
        var benChat = await ChatAsync(_ben, question);

        Assert.Contains("Stundenentgelts", anna, StringComparison.Ordinal);
        Assert.Contains("Stundenentgelts", annaChat, StringComparison.Ordinal);
        AssertNoTrace(ben);
        AssertNoTrace(benChat);
    }

    [Fact]
    public async Task ChatCompletion_FollowUpAfterARestrictedAnswer_StaysPublicForOthers()
    {
        using var ben = _app.Client(_ben);
        var request = new
        {
            model = "wissensassistent",
            messages = new object[]
            {
                new { role = "user", content = "Wie wird die Rufbereitschaft vergütet?" },
                new { role = "assistant", content = $"Nach Nr. 1 {RestrictedCorpus.PersonalamtLaw}." },
                new { role = "user", content = "Und wer trägt sie in den Dienstplan ein?" },
            },
        };

        using var response = await ben.PostAsJsonAsync("/v1/chat/completions", request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Personalamt im Dienstplan", body, StringComparison.Ordinal);
        Assert.DoesNotContain(RestrictedCorpus.Personalamt.Id, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_SearchGetNormAndAnswer_ReadAsTheKeysAccount()
    {
        await using var anna = await ConnectAsync(_anna);
        await using var ben = await ConnectAsync(_ben);
        var search = new Dictionary<string, object?> { ["query"] = "Rufbereitschaft vergütet" };
        var norm = new Dictionary<string, object?> { ["citation"] = $"Nr. 1 {RestrictedCorpus.PersonalamtLaw}" };
        var answer = new Dictionary<string, object?> { ["question"] = "Wie wird die Rufbereitschaft vergütet?" };

        var annaSearch = Text(await anna.CallToolAsync("search_norms", search, cancellationToken: Ct));
        var benSearch = Text(await ben.CallToolAsync("search_norms", search, cancellationToken: Ct));
        var benNorm = Text(await ben.CallToolAsync("get_norm", norm, cancellationToken: Ct));
        var benAnswer = Text(await ben.CallToolAsync("answer_question", answer, cancellationToken: Ct));
        var annaAnswer = Text(await anna.CallToolAsync("answer_question", answer, cancellationToken: Ct));

        Assert.Contains("Stundenentgelts", annaSearch, StringComparison.Ordinal);
        Assert.Contains("Stundenentgelts", annaAnswer, StringComparison.Ordinal);
        AssertNoTrace(benSearch);
        AssertNoTrace(benNorm, allowLawName: true);
        AssertNoTrace(benAnswer);
    }

    [Fact]
    public async Task Log_HoldsNoRestrictedText_AfterEveryInterfaceWasAsked()
    {
        await AnswerAsync(_anna, "Wie wird die Rufbereitschaft vergütet?");
        await AnswerAsync(_ben, "Wie wird die Rufbereitschaft vergütet?");
        await SearchSourcesAsync(_ben);

        Assert.DoesNotContain("Stundenentgelts", _app.FullLog, StringComparison.Ordinal);
        Assert.DoesNotContain(RestrictedCorpus.PersonalamtLaw, _app.InformationLog, StringComparison.Ordinal);
    }

    private async Task<List<string>> SearchSourcesAsync(string key)
    {
        using var http = _app.Client(key);
        using var result = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=Rufbereitschaft&top=20", Ct));
        return [.. result.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("passage").GetProperty("source").GetString()!)];
    }

    private async Task<string> AnswerAsync(string key, string question)
    {
        using var http = _app.Client(key);
        using var response = await http.PostAsJsonAsync("/api/answers", new { question }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<string> ChatAsync(string key, string question)
    {
        using var http = _app.Client(key);
        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "wissensassistent", messages = new[] { new { role = "user", content = question } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private Task<McpClient> ConnectAsync(string key) => _app.McpClientAsync(key, Ct);

    private static string Text(CallToolResult result) => JsonSerializer.Serialize(result);

    /// <summary>
    /// Neither the restricted passage, nor its source, nor (unless the caller typed it) its law's name; JSON escapes
    /// non-ASCII letters, so the checks use ASCII words of the passage.
    /// </summary>
    private static void AssertNoTrace(string text, bool allowLawName = false)
    {
        Assert.DoesNotContain("Stundenentgelts", text, StringComparison.Ordinal);
        Assert.DoesNotContain(RestrictedCorpus.Personalamt.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vergütung der Rufbereitschaft", Unescape(text), StringComparison.Ordinal);
        if (!allowLawName)
        {
            Assert.DoesNotContain("Dienstanweisung Rufbereitschaft", Unescape(text), StringComparison.Ordinal);
        }
    }

    private static string Unescape(string json) => System.Text.RegularExpressions.Regex.Unescape(json);
}
