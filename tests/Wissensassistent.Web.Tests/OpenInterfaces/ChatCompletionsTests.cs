using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>/v1/chat/completions and /v1/models, driven by the official OpenAI .NET client and by plain HTTP.</summary>
public sealed class ChatCompletionsTests(OpenInterfacesApp app) : IClassFixture<OpenInterfacesApp>
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChatClient OpenAiClient(string key)
    {
        var http = app.Factory.CreateClient();
        return new ChatClient(
            "wissensassistent",
            new ApiKeyCredential(key),
            new OpenAIClientOptions { Endpoint = new Uri(http.BaseAddress!, "/v1"), Transport = new HttpClientPipelineTransport(http) });
    }

    [Fact]
    public async Task Completion_CarriesMarkersInTheText_AndAVerifiedCitationsList()
    {
        var key = await app.IssueKeyAsync();
        var client = OpenAiClient(key.Secret);

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new UserChatMessage(Question)], cancellationToken: Ct);

        var text = result.Value.Content[0].Text;
        Assert.Equal(ChatMessageRole.Assistant, result.Value.Role);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Contains("**Quellen**", text, StringComparison.Ordinal);
        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var citations = raw.RootElement.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.Contains(citations, c => c.GetProperty("citation").GetString()!.StartsWith("§ 35", StringComparison.Ordinal) && c.GetProperty("verified").GetBoolean());
        Assert.All(citations, c =>
        {
            Assert.Contains($"[{c.GetProperty("marker").GetInt32()}]", text, StringComparison.Ordinal);
            Assert.StartsWith("http://localhost/norm/", c.GetProperty("url").GetString(), StringComparison.Ordinal);
        });
        Assert.False(raw.RootElement.GetProperty("refused").GetBoolean());
        Assert.True(raw.RootElement.GetProperty("checks").GetProperty("passed").GetBoolean());
        Assert.DoesNotContain(Question, app.InformationLog, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, app.FullLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_DeliversTheSameVerifiedTextAsWithoutStream()
    {
        var key = await app.IssueKeyAsync();
        var client = OpenAiClient(key.Secret);
        var whole = (await client.CompleteChatAsync([new UserChatMessage(Question)], cancellationToken: Ct)).Value.Content[0].Text;

        var streamed = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Question)], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal(whole, streamed.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task Stream_FirstAndLastChunkCarryTheCitations()
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);

        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "wissensassistent", stream = true, messages = new[] { new { role = "user", content = Question } } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync(Ct)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        using var last = JsonDocument.Parse(events[^2]["data: ".Length..]);
        Assert.Equal("stop", last.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.NotEmpty(last.RootElement.GetProperty("citations").EnumerateArray());
        using var first = JsonDocument.Parse(events[0]["data: ".Length..]);
        Assert.Equal(
            last.RootElement.GetProperty("citations").GetRawText(),
            first.RootElement.GetProperty("citations").GetRawText());
    }

    [Fact]
    public async Task NothingRelevant_IsANormalAnswerThatSaysSo()
    {
        var key = await app.IssueKeyAsync();
        var client = OpenAiClient(key.Secret);

        var result = await client.CompleteChatAsync([new UserChatMessage("Wie funktioniert die Photosynthese bei Kakteen auf dem Mars?")], cancellationToken: Ct);

        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        Assert.True(raw.RootElement.GetProperty("refused").GetBoolean());
        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.False(string.IsNullOrWhiteSpace(result.Value.Content[0].Text));
    }

    [Fact]
    public async Task FollowUp_IsAnsweredInTheContextOfThePriorMessages()
    {
        var key = await app.IssueKeyAsync();
        var client = OpenAiClient(key.Secret);
        var first = (await client.CompleteChatAsync([new UserChatMessage("Was regelt § 35 BauGB?")], cancellationToken: Ct)).Value.Content[0].Text;

        var followUp = await client.CompleteChatAsync(
            [new SystemChatMessage("Antworte knapp."), new UserChatMessage("Was regelt § 35 BauGB?"), new AssistantChatMessage(first), new UserChatMessage("Und was gilt für sonstige Vorhaben?")],
            cancellationToken: Ct);

        using var raw = JsonDocument.Parse(followUp.GetRawResponse().Content);
        Assert.False(raw.RootElement.GetProperty("refused").GetBoolean());
        Assert.Contains(raw.RootElement.GetProperty("citations").EnumerateArray(), c => c.GetProperty("citation").GetString()!.Contains("BauGB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Models_ListsTheAssistant()
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);

        using var models = JsonDocument.Parse(await http.GetStringAsync("/v1/models", Ct));

        Assert.Equal("list", models.RootElement.GetProperty("object").GetString());
        Assert.Equal("wissensassistent", Assert.Single(models.RootElement.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task UnknownModel_AndNoQuestion_AreOpenAiErrorsInGerman()
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);

        using var unknown = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "gpt-4o", messages = new[] { new { role = "user", content = Question } } }, Ct);
        using var empty = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "wissensassistent", messages = new[] { new { role = "system", content = "Hallo" } } }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("gibt es hier nicht", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("keine Frage", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAiClient_WithoutAValidKey_Gets401()
    {
        var client = OpenAiClient("wa_unknown");

        var refused = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage(Question)], cancellationToken: Ct));

        Assert.Equal(401, refused.Status);
    }
}
