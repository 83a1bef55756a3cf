using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class AnswerServiceTests
{
    private const string AussenbereichQuestion = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    [Fact]
    public async Task Ask_WithoutChatModel_StreamsSourcesTextThenVerifiedExtractiveAnswer()
    {
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages));

        var updates = await Collect(service, new AnswerRequest(AussenbereichQuestion));

        var sources = Assert.IsType<SourcesUpdate>(updates[0]);
        Assert.Equal(AnswerMode.Extractive, sources.Mode);
        Assert.Equal([1, 2, 3], sources.Sources.Select(s => s.Marker));
        Assert.IsType<TextUpdate>(updates[1]);
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.False(answer.Refused);
        Assert.True(answer.Checks.Passed);
        Assert.DoesNotContain(ExtractiveAnswerComposer.Label, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Notices, AnswerService.ExtractiveNotice);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task Ask_NothingRelevant_RefusesInGermanAndNamesNearestNorms()
    {
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages));

        var answer = await service.AskAsync(new AnswerRequest("Wie backe ich einen Käsekuchen mit Quark?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused);
        Assert.StartsWith("Dazu enthält der Bestand keine Regelung", answer.Text, StringComparison.Ordinal);
        Assert.Contains("§ 35 BauGB (Bauen im Außenbereich)", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Ask_NothingRelevant_DoesNotCallTheChatModel()
    {
        var chat = ScriptedChatClient.Answering("Käsekuchen backt man bei 180 Grad.");
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), chat);

        var answer = await service.AskAsync(new AnswerRequest("Wie backe ich einen Käsekuchen mit Quark?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task Ask_FigureAskedButNotStated_RefusedBeforeTheChatModel()
    {
        // The same gate guards the generative path: a model must not supply the fee the sources leave open.
        var chat = ScriptedChatClient.Answering("Der Reisepass kostet 70 Euro [1].");
        var delegated = AnswerFixtures.Passage("bund/passg.md", "PassG", "Passgesetz", "20", "1", "Gebühren und Auslagen", 40,
            "(1) Für die Ausstellung eines Passes werden Gebühren und Auslagen erhoben. Die Höhe der Gebühren bestimmt eine Rechtsverordnung.");
        var service = Service(new FakeSearchService([delegated]), chat);

        var answer = await service.AskAsync(new AnswerRequest("Wie viel kostet ein Reisepass?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public void Ask_EmptyQuestion_ThrowsGermanArgumentException()
    {
        var service = Service(new FakeSearchService());

        var error = Assert.Throws<ArgumentException>(() => service.AskStreamingAsync(new AnswerRequest("   "), TestContext.Current.CancellationToken));

        Assert.Contains("Die Frage ist leer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionTooLong_RefusedWithClearText_WithoutSearching()
    {
        var search = new FakeSearchService(AnswerFixtures.AussenbereichPassages);
        var service = Service(search);

        var answer = await service.AskAsync(new AnswerRequest(new string('a', AnswerRequest.MaxQuestionLength + 1)), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused);
        Assert.Contains("zu lang", answer.Text, StringComparison.Ordinal);
        Assert.Contains("50.000", answer.Text, StringComparison.Ordinal);
        Assert.Empty(search.Requests);
    }

    [Fact]
    public async Task Ask_PassesFilterAndHybridModeToSearch()
    {
        var search = new FakeSearchService(AnswerFixtures.AussenbereichPassages);
        var filter = new SearchFilter { Laws = ["BauGB"] };

        await Service(search).AskAsync(new AnswerRequest(AussenbereichQuestion, Filter: filter), TestContext.Current.CancellationToken);

        var request = Assert.Single(search.Requests);
        Assert.Same(filter, request.Filter);
        Assert.Equal(Retrieval.SearchMode.Hybrid, request.Mode);
    }

    [Fact]
    public async Task Ask_FollowUp_SearchesWithResolvedQuestion()
    {
        var search = new FakeSearchService(AnswerFixtures.AussenbereichPassages);
        var history = new[] { new ConversationTurn("Wann ist ein Vorhaben im Außenbereich nach § 35 BauGB zulässig?", "…") };

        var answer = await Service(search).AskAsync(new AnswerRequest("Und im Innenbereich?", history), TestContext.Current.CancellationToken);

        var query = Assert.Single(search.Requests).Query;
        Assert.Contains("Vorhaben", query, StringComparison.Ordinal);
        Assert.Contains("BauGB", query, StringComparison.Ordinal);
        Assert.Equal("Und im Innenbereich?", answer.Question);
        Assert.False(answer.Refused);
    }

    [Fact]
    public async Task Ask_WithChatModel_StreamsDeltasAndVerifiesTheirConcatenation()
    {
        const string Generated = "Ein Vorhaben im Außenbereich ist nur zulässig, wenn „öffentliche Belange nicht entgegenstehen“ [1].";
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), ScriptedChatClient.Answering(Generated));

        var updates = await Collect(service, new AnswerRequest(AussenbereichQuestion));

        Assert.Equal(AnswerMode.Generative, Assert.IsType<SourcesUpdate>(updates[0]).Mode);
        var deltas = updates.OfType<TextUpdate>().Select(u => u.Delta).ToList();
        Assert.True(deltas.Count > 1);
        Assert.Equal(Generated, string.Concat(deltas));
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(Generated, answer.Text);
        Assert.True(answer.Checks.Passed);
        Assert.True(Assert.Single(answer.Citations).Verified);
    }

    [Fact]
    public async Task Ask_ChatModelFails_FallsBackToExtractiveWithNotice()
    {
        var chat = ScriptedChatClient.Failing(new HttpRequestException("Connection refused"));
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), chat);

        var answer = await service.AskAsync(new AnswerRequest(AussenbereichQuestion), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
        Assert.True(answer.Checks.Passed);
        Assert.Contains(AnswerService.ExtractiveNotice, answer.Notices);
    }

    [Fact]
    public async Task Ask_ChatModelBreaksMidStream_FinalAnswerIsExtractive()
    {
        var chat = ScriptedChatClient.FailingAfter("Ein Vorhaben im Außenbereich ist zulässig, wenn …", 3, new IOException("reset"));
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), chat);

        var updates = await Collect(service, new AnswerRequest(AussenbereichQuestion));

        Assert.Equal(3, updates.OfType<TextUpdate>().Count());
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
    }

    [Fact]
    public async Task Ask_ChatModelStallsMidStream_IdleTimeoutFallsBackToExtractive()
    {
        var chat = ScriptedChatClient.StallingAfter("Ein Vorhaben im Außenbereich ist zulässig, wenn …", 2);
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), chat, new AnswerOptions { ModelIdleTimeout = TimeSpan.FromSeconds(1) });

        var updates = await Collect(service, new AnswerRequest(AussenbereichQuestion));

        Assert.Equal(2, updates.OfType<TextUpdate>().Count());
        var answer = Assert.IsType<FinalUpdate>(updates[^1]).Answer;
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelUnavailableNotice, answer.Notices);
    }

    [Fact]
    public async Task Ask_ModelAnswerWithoutAnySupportedClaim_IsRejected()
    {
        var chat = ScriptedChatClient.Answering("Ich ignoriere die Quellen. Der Bürgermeister entscheidet über alle Bauanträge allein.");
        var service = Service(new FakeSearchService([AnswerFixtures.PoisonedGuideline, .. AnswerFixtures.AussenbereichPassages]), chat);

        var answer = await service.AskAsync(new AnswerRequest("Wer entscheidet über Bauanträge im Außenbereich?"), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains(AnswerService.ModelAnswerRejectedNotice, answer.Notices);
        Assert.DoesNotContain("Bürgermeister entscheidet", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Checks.Passed);
    }

    [Fact]
    public async Task Ask_ModelSaysSourcesDoNotSuffice_KeptAsHonestAnswer()
    {
        const string Generated = "Die Quellen enthalten dazu keine Regelung.";
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), ScriptedChatClient.Answering(Generated));

        var answer = await service.AskAsync(new AnswerRequest(AussenbereichQuestion), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(Generated, answer.Text);
    }

    [Fact]
    public async Task Ask_UserCancels_Propagates()
    {
        var service = Service(new FakeSearchService(AnswerFixtures.AussenbereichPassages), ScriptedChatClient.Answering("Text [1]."));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.AskAsync(new AnswerRequest(AussenbereichQuestion), cancellation.Token));
    }

    [Fact]
    public async Task Ask_WithModelRewriteEnabled_SearchesWithTheModelsQuestion()
    {
        var search = new FakeSearchService(AnswerFixtures.AussenbereichPassages);
        var chat = ScriptedChatClient.Answering("Wann ist ein Vorhaben im Innenbereich nach § 34 BauGB zulässig?");
        var service = Service(search, chat, new AnswerOptions { RewriteFollowUpsWithModel = true });
        var history = new[] { new ConversationTurn(AussenbereichQuestion, "…") };

        await service.AskAsync(new AnswerRequest("Und im Innenbereich?", history), TestContext.Current.CancellationToken);

        Assert.Equal("Wann ist ein Vorhaben im Innenbereich nach § 34 BauGB zulässig?", Assert.Single(search.Requests).Query);
    }

    private static AnswerService Service(FakeSearchService search, IChatClient? chat = null, AnswerOptions? options = null) =>
        new(search, NullLogger<AnswerService>.Instance, Options.Create(options ?? new AnswerOptions()), chat);

    private static async Task<List<AnswerUpdate>> Collect(AnswerService service, AnswerRequest request)
    {
        var updates = new List<AnswerUpdate>();
        await foreach (var update in service.AskStreamingAsync(request, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }
}
