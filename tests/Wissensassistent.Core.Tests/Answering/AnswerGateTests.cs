using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

/// <summary>The refusal gate: answer when the best norm regulates the matter, refuse when it only mentions it.</summary>
public sealed class AnswerGateTests
{
    private const string FeeQuestion = "Was kostet bei uns ein neuer Reisepass?";

    /// <summary>About the matter, but the fee is left to an ordinance the corpus does not hold.</summary>
    private static readonly Chunk FeeDelegated = AnswerFixtures.Passage(
        "bund/passg.md", "PassG", "Passgesetz", "20", "1", "Gebühren und Auslagen", 40,
        "(1) Für die Ausstellung eines Passes werden Gebühren und Auslagen erhoben. Die Gebührentatbestände und die Höhe der Gebühren bestimmt eine Rechtsverordnung.");

    private static readonly Chunk FeeStated = AnswerFixtures.Passage(
        "kommune/GEM-BBO/Gebuehren.md", "Verwaltungsgebührensatzung Bad Boll", "Verwaltungsgebührensatzung", "3", "1", "Gebühren für Pässe", 7,
        "(1) Die Gebühr für die Ausstellung eines Reisepasses beträgt 70,00 €.");

    [Fact]
    public async Task AmountQuestion_NormMentionsTheFeeButStatesNone_IsRefused()
    {
        var answer = await Service(FeeDelegated).AskAsync(new AnswerRequest(FeeQuestion), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
        Assert.StartsWith(AnswerService.RefusalOpening, answer.Text, StringComparison.Ordinal);
        Assert.Contains("§ 20 PassG", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmountQuestion_NormStatesTheFee_IsAnsweredWithItFirst()
    {
        var answer = await Service(FeeDelegated, FeeStated).AskAsync(new AnswerRequest(FeeQuestion), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("70,00 €", answer.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.True(answer.Checks.Passed, string.Join("; ", answer.Checks.Issues));
    }

    [Fact]
    public async Task OtherPassageOfARelevantNorm_CountsAsRelevant()
    {
        // Abs. 3 holds the deadline but shares only one word with the question; Abs. 1 makes the norm relevant.
        var absatz1 = AnswerFixtures.Passage("kommune/GEM-BBO/Spielfeld.md", "Spielfeldordnung Bad Boll", "Spielfeldordnung", "1", "1", "Benutzungsrecht", 1,
            "(1) Das Spielfeld steht Schulen und Vereinen für Turniere und Training zur Verfügung.");
        var absatz3 = AnswerFixtures.Passage("kommune/GEM-BBO/Spielfeld.md", "Spielfeldordnung Bad Boll", "Spielfeldordnung", "1", "3", "Benutzungsrecht", 3,
            "(3) Reservierungen sind mindestens 10 Tage vor der Veranstaltung bei der Gemeinde zu beantragen.");

        var answer = await Service(absatz1, absatz3).AskAsync(new AnswerRequest("Ein Verein will ein Turnier auf dem Spielfeld machen. Wie früh muss er das anmelden?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("mindestens 10 Tage", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    private static AnswerService Service(params Chunk[] passages) =>
        new(new FakeSearchService(passages), NullLogger<AnswerService>.Instance, Options.Create(new AnswerOptions()));
}
