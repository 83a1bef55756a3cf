using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>The MCP server at /mcp, driven by the SDK's own client over Streamable HTTP against the real app.</summary>
public sealed class McpServerTests(OpenInterfacesApp app) : IClassFixture<OpenInterfacesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<McpClient> ConnectAsync(string key) => app.McpClientAsync(key, Ct);

    [Fact]
    public async Task ListTools_OffersSearchNormAnswerAndCheck_WithGermanAndEnglishDescriptionsAndOutputSchemas()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal(["answer_question", "check_citations", "get_norm", "search_norms"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, tool =>
        {
            Assert.Contains("wörtlich", tool.Description, StringComparison.Ordinal);
            Assert.Contains("verbatim", tool.Description, StringComparison.Ordinal);
            Assert.NotNull(tool.ProtocolTool.OutputSchema);
        });
    }

    [Fact]
    public async Task SearchNorms_FindsTheNamedNormFirst_AsStructuredContent()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("search_norms", new Dictionary<string, object?> { ["query"] = "Bauen im Außenbereich", ["law"] = "BauGB", ["top"] = 3 }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        var hits = Structured(result).GetProperty("hits");
        Assert.InRange(hits.GetArrayLength(), 1, 3);
        var first = hits[0].GetProperty("passage");
        Assert.StartsWith("§ 35", first.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Equal("bund/bbaug.md", first.GetProperty("source").GetString());
        Assert.Contains("Außenbereich", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNorm_ReturnsExactlyTheCitedAbsatz_WithStandAndSource()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("get_norm", new Dictionary<string, object?> { ["citation"] = "§ 35 Abs. 2 BauGB" }, cancellationToken: Ct);

        var norm = Assert.Single(Structured(result).GetProperty("results").EnumerateArray());
        Assert.True(norm.GetProperty("found").GetBoolean());
        Assert.Equal("§ 35 Abs. 2 BauGB", norm.GetProperty("citation").GetString());
        Assert.False(norm.GetProperty("repealed").GetBoolean());
        Assert.Equal("bund/bbaug.md", norm.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(norm.GetProperty("stand").GetString()));
        var passage = Assert.Single(norm.GetProperty("passages").EnumerateArray());
        Assert.StartsWith("Sonstige Vorhaben können im Einzelfall zugelassen werden", passage.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNorm_RepealedNorm_IsFlagged()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("get_norm", new Dictionary<string, object?> { ["citation"] = "§ 20 BauGB" }, cancellationToken: Ct);

        var norm = Assert.Single(Structured(result).GetProperty("results").EnumerateArray());
        Assert.True(norm.GetProperty("found").GetBoolean());
        Assert.True(norm.GetProperty("repealed").GetBoolean());
    }

    [Fact]
    public async Task GetNorm_UnknownCitation_SaysSoAndNamesTheNearestNorms()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("get_norm", new Dictionary<string, object?> { ["citation"] = "§ 35c BauGB" }, cancellationToken: Ct);

        var norm = Assert.Single(Structured(result).GetProperty("results").EnumerateArray());
        Assert.False(norm.GetProperty("found").GetBoolean());
        Assert.Equal("UnknownNorm", norm.GetProperty("outcome").GetString());
        Assert.Contains("gibt es im Bestand nicht", norm.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("§ 35 BauGB", norm.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(norm.GetProperty("passages").EnumerateArray());
    }

    [Fact]
    public async Task GetNorm_UnknownLaw_SuggestsTheCloseName()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("get_norm", new Dictionary<string, object?> { ["citation"] = "§ 35 BauGX" }, cancellationToken: Ct);

        var norm = Assert.Single(Structured(result).GetProperty("results").EnumerateArray());
        Assert.False(norm.GetProperty("found").GetBoolean());
        Assert.NotEqual("Found", norm.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task AnswerQuestion_CitesVerifiedPassages()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("answer_question", new Dictionary<string, object?> { ["question"] = "Wann ist ein Vorhaben im Außenbereich zulässig?" }, cancellationToken: Ct);

        var answer = Structured(result);
        Assert.False(answer.GetProperty("refused").GetBoolean());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.Contains(citations, c => c.GetProperty("citation").GetString()!.StartsWith("§ 35", StringComparison.Ordinal) && c.GetProperty("verified").GetBoolean());
        foreach (var citation in citations)
        {
            Assert.Contains($"[{citation.GetProperty("marker").GetInt32()}]", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.True(answer.GetProperty("checks").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task CheckCitations_ResolvesEachCitation_AndChecksEachQuotation()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);
        const string text = """
            Nach § 35 Abs. 2 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden“. Nach § 35 Abs. 1 BauGB ist ein Vorhaben „stets zulässig“.
            § 20 BauGB ist nicht einschlägig, § 35c BauGB auch nicht. Die Gartenhütte gilt nach § 41 VwVfG als bekannt gegeben.
            """;

        var result = await client.CallToolAsync("check_citations", new Dictionary<string, object?> { ["text"] = text }, cancellationToken: Ct);

        var check = Structured(result);
        Assert.True(check.GetProperty("hasFindings").GetBoolean());
        var citations = check.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(
            [("§ 35 Abs. 2 BauGB", "Resolved"), ("§ 35 Abs. 1 BauGB", "Resolved"), ("§ 20 BauGB", "Repealed"), ("§ 35c BauGB", "NotFound"), ("§ 41 VwVfG", "NotFound")],
            citations.Select(c => (c.GetProperty("citation").GetString(), c.GetProperty("status").GetString())));
        Assert.StartsWith("Sonstige Vorhaben", citations[0].GetProperty("passages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(citations[0].GetProperty("stand").GetString()));
        Assert.Contains("§ 35 BauGB", citations[3].GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("LVwVfG", citations[4].GetProperty("displaced").GetProperty("applies").GetString());
        var quotations = check.GetProperty("quotations").EnumerateArray().ToList();
        Assert.Equal(["Verbatim", "Altered"], quotations.Select(q => q.GetProperty("status").GetString()));
        var difference = Assert.Single(quotations[1].GetProperty("differences").EnumerateArray());
        Assert.Equal(("stets", "nur"), (difference.GetProperty("draft").GetString(), difference.GetProperty("passage").GetString()));
        Assert.DoesNotContain("Gartenhütte", app.InformationLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckCitations_EmptyText_IsAToolErrorInGerman()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("check_citations", new Dictionary<string, object?> { ["text"] = " " }, cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.Contains("Der Entwurf ist leer", Assert.IsType<TextContentBlock>(result.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchNorms_InvalidFilter_IsAToolErrorInGerman()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);

        var result = await client.CallToolAsync("search_norms", new Dictionary<string, object?> { ["query"] = "Außenbereich", ["level"] = "Mond" }, cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.Contains("Unbekannter Wert „Mond“", Assert.IsType<TextContentBlock>(result.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedOnTheNextCall()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await ConnectAsync(key.Secret);
        await client.ListToolsAsync(cancellationToken: Ct);

        Assert.True(await app.Keys.RevokeAsync(key.Key.Id, Ct));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ListToolsAsync(cancellationToken: Ct).AsTask());
        Assert.Contains("401", refused.ToString(), StringComparison.Ordinal);
        using var http = app.Client(key.Secret);
        using var response = await http.PostAsync("/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutKey_TheSdkClientCannotConnect()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync("wa_not-a-key"));
    }

    private static JsonElement Structured(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }
}
