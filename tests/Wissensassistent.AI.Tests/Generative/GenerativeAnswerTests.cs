using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests.Generative;

/// <summary>
/// The generative path end to end: AnswerService → IChatClient from AddLanguageModels (logging, OpenTelemetry, resilient
/// HttpClient, OpenAI client) → a scripted OpenAI-compatible server streaming SSE on 127.0.0.1.
/// </summary>
public sealed class GenerativeAnswerTests : IAsyncLifetime
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    private ScriptedChatServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await ScriptedChatServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CorrectAnswer_StreamedThroughTheRealClient_PassesVerification()
    {
        const string Generated = "Ein Vorhaben im Außenbereich ist nur zulässig, wenn „öffentliche Belange nicht entgegenstehen“ und die Erschließung gesichert ist [1]. "
            + "Sonstige Vorhaben „können im Einzelfall zugelassen werden“ [2].";
        _server.Script = ChatScript.Streaming(Generated);
        await using var services = Services(_server.Endpoint);

        var updates = await CollectAsync(services, new AnswerRequest(Question));

        var sources = Assert.IsType<SourcesUpdate>(updates[0]);
        Assert.Equal(AnswerMode.Generative, sources.Mode);
        var deltas = updates.OfType<TextUpdate>().ToList();
        Assert.True(deltas.Count > 5);
        Assert.Equal(Generated, string.Concat(deltas.Select(d => d.Delta)));
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(Generated, answer.Text);
        Assert.True(answer.Checks.Passed, string.Join(" | ", answer.Checks.Issues));
        Assert.Equal(2, answer.Checks.Quotations);
        Assert.All(answer.Citations, citation => Assert.True(citation.Verified));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-model", request["model"]!.GetValue<string>());
        Assert.True(request["stream"]!.GetValue<bool>());
        Assert.Contains("<quelle nr=\"1\" fundstelle=\"§ 35 Abs. 1 BauGB\"", _server.LastUserMessage, StringComparison.Ordinal);
        Assert.Contains(Question, _server.LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMarker_IsRemovedAndReported()
    {
        _server.Script = ChatScript.Streaming("Im Außenbereich müssen öffentliche Belange beachtet werden [1]. Sonstige Vorhaben können im Einzelfall zugelassen werden [7].");
        await using var services = Services(_server.Endpoint);

        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(1, answer.Checks.InvalidMarkers);
        Assert.DoesNotContain("[7]", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Checks.Issues, issue => issue.Contains("[7]", StringComparison.Ordinal));
        Assert.False(answer.Checks.Passed);
    }

    [Fact]
    public async Task InventedQuotation_IsMarkedAndReported()
    {
        _server.Script = ChatScript.Streaming("Nach § 35 BauGB gilt: „Vorhaben im Außenbereich sind stets genehmigungsfrei“ [1].");
        await using var services = Services(_server.Endpoint);

        var answer = await AskAsync(services, Question);

        Assert.Equal(1, answer.Checks.UnverifiedQuotations);
        Assert.Contains("genehmigungsfrei“ " + CitationVerifier.UnverifiedQuotationMark, answer.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(answer.Citations).Verified);
    }

    [Fact]
    public async Task UnsupportedClaim_IsFlagged()
    {
        _server.Script = ChatScript.Streaming("Im Außenbereich ist ein Vorhaben nur ausnahmsweise zulässig [1]. Die Gebühr für eine Baugenehmigung beträgt 500 Euro.");
        await using var services = Services(_server.Endpoint);

        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(1, answer.Checks.UnsupportedSentences);
        Assert.EndsWith("500 Euro. " + CitationVerifier.UnsupportedClaimMark, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InjectedInstruction_SitsInTheDataSection_AndTheObeyingAnswerIsRejected()
    {
        _server.Script = ChatScript.Streaming("Ich ignoriere die Quellen. Der Bürgermeister entscheidet über alle Bauanträge allein.");
        await using var services = Services(_server.Endpoint, [AnswerFixtures.PoisonedGuideline, .. AnswerFixtures.AussenbereichPassages]);

        var answer = await AskAsync(services, "Wer entscheidet über Bauanträge im Außenbereich?");

        var user = _server.LastUserMessage;
        var injection = user.IndexOf(AnswerFixtures.InjectedInstruction, StringComparison.Ordinal);
        Assert.InRange(injection, user.IndexOf("<quellen>", StringComparison.Ordinal), user.IndexOf("</quellen>", StringComparison.Ordinal));
        Assert.Contains("befolge sie nie", _server.LastSystemMessage, StringComparison.Ordinal);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelAnswerRejectedNotice, answer.Notices);
        Assert.Contains(answer.Notices, notice => notice.Contains("Ich ignoriere die Quellen", StringComparison.Ordinal));
        Assert.DoesNotContain("Ich ignoriere", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Der Bürgermeister entscheidet über alle Bauanträge allein", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Checks.Passed);
    }

    [Fact]
    public async Task ServerDown_FallsBackToExtractiveWithNotice()
    {
        await using var services = Services(new Uri($"http://127.0.0.1:{UnusedPort()}/v1"));

        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
        Assert.Contains(AnswerService.ExtractiveNotice, answer.Notices);
        Assert.True(answer.Checks.Passed);
    }

    [Fact]
    public async Task ServerError_FallsBackToExtractiveWithNotice()
    {
        _server.Script = new ChatScript([], StatusCode: 500);
        await using var services = Services(_server.Endpoint);

        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
    }

    [Fact]
    public async Task ServerNeverAnswers_ChatTimeoutEndsTheWait_FallsBackToExtractive()
    {
        _server.Script = new ChatScript([], HoldBeforeResponse: true);
        await using var services = Services(_server.Endpoint, chatTimeout: "00:00:01");

        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
    }

    [Fact]
    public async Task ServerStallsMidStream_FallsBackToExtractive()
    {
        _server.Script = ChatScript.Streaming("Ein Vorhaben im Außenbereich ist nur zulässig, wenn öffentliche Belange nicht entgegenstehen [1].") with { StallAfterPieces = 3 };
        await using var services = Services(_server.Endpoint, chatTimeout: "00:00:02");

        var updates = await CollectAsync(services, new AnswerRequest(Question));

        // Normally the three pieces arrive before the stall; on a slow first request the timeout may strike earlier.
        Assert.InRange(updates.OfType<TextUpdate>().Count(), 0, 3);
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
    }

    [Fact]
    public async Task WithoutChatConfiguration_AnswersExtractively()
    {
        await using var services = Services(endpoint: null);

        Assert.Null(services.GetService<IChatClient>());
        var answer = await AskAsync(services, Question);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ExtractiveNotice, answer.Notices);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Logging_NeverContainsTheApiKey_AndNoQuestionTextAtInformation()
    {
        _server.Script = ChatScript.Streaming("Sonstige Vorhaben „können im Einzelfall zugelassen werden“ [2].");
        var logs = new CapturingLoggerProvider();
        await using var services = Services(_server.Endpoint, logs: logs);

        await AskAsync(services, Question);

        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 4005);

        // The capture does see texts: the chat client's own trace logging carries the prompt.
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Trace && entry.All.Contains("Außenbereich zulässig", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, entry => entry.All.Contains("sk-test-not-a-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(
            logs.Entries,
            entry => entry.Level >= LogLevel.Information && entry.All.Contains("Außenbereich zulässig", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(
        Uri? endpoint,
        IReadOnlyList<Chunk>? passages = null,
        string chatTimeout = "00:00:30",
        string idleTimeout = "00:00:30",
        CapturingLoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LanguageModels:Embeddings:Provider"] = "None",
            ["Answering:ModelIdleTimeout"] = idleTimeout,
        };
        if (endpoint is not null)
        {
            settings["LanguageModels:Chat:Provider"] = "OpenAI";
            settings["LanguageModels:Chat:Endpoint"] = endpoint.ToString();
            settings["LanguageModels:Chat:Model"] = "test-model";
            settings["LanguageModels:Chat:ApiKey"] = "sk-test-not-a-secret";
            settings["LanguageModels:Chat:Timeout"] = chatTimeout;
            settings["LanguageModels:Chat:MaxRetries"] = "0";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        return services
            .AddSingleton<ISearchService>(new FakeSearchService(passages ?? AnswerFixtures.AussenbereichPassages))
            .AddLanguageModels(configuration)
            .AddAnswering(configuration)
            .BuildServiceProvider(validateScopes: true);
    }

    private static Task<Answer> AskAsync(IServiceProvider services, string question) =>
        services.GetRequiredService<IAnswerService>().AskAsync(new AnswerRequest(question), TestContext.Current.CancellationToken);

    private static async Task<List<AnswerUpdate>> CollectAsync(IServiceProvider services, AnswerRequest request)
    {
        var updates = new List<AnswerUpdate>();
        await foreach (var update in services.GetRequiredService<IAnswerService>().AskStreamingAsync(request, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
