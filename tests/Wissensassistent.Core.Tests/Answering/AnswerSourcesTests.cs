using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Tests.Drafts;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

/// <summary>Which passages an answer is built from: the hits, then the other Absätze of the norms it rests on.</summary>
public sealed class AnswerSourcesTests
{
    [Fact]
    public async Task Ask_DirectAnswerFromALaterNorm_BringsThatNormsOtherAbsaetze()
    {
        // The fee is stated by the third norm found; its Absatz 2 (when the fee is not charged) is not among the hits.
        var antrag = AnswerFixtures.Passage("kommune/s.md", "Sondernutzungssatzung", "Sondernutzungssatzung", "3", "1", "Erlaubnis", 1,
            "(1) Die Erlaubnis für die Sondernutzung wird auf Antrag von der Gemeinde erteilt.");
        var zustaendig = AnswerFixtures.Passage("kommune/s.md", "Sondernutzungssatzung", "Sondernutzungssatzung", "4", "1", "Zuständigkeit", 2,
            "(1) Für die Erteilung der Erlaubnis für die Sondernutzung ist die Gemeinde zuständig.");
        var gebuehr = AnswerFixtures.Passage("kommune/s.md", "Sondernutzungssatzung", "Sondernutzungssatzung", "7", "1", "Gebühren", 3,
            "(1) Die Gebühr für die Erlaubnis einer Sondernutzung beträgt 50 Euro im Monat.");
        var store = new NormStore()
            .Add("Sondernutzungssatzung", Level.Kommune, "kommune/s.md", "7", "1", "(1) Die Gebühr für die Erlaubnis einer Sondernutzung beträgt 50 Euro im Monat.")
            .Add("Sondernutzungssatzung", Level.Kommune, "kommune/s.md", "7", "2", "(2) Die Gebühr für die Sondernutzung wird nur erhoben, wenn die Erlaubnis erteilt wird.");
        var service = new AnswerService(new FakeSearchService(antrag, zustaendig, gebuehr), NullLogger<AnswerService>.Instance, Options.Create(new AnswerOptions()), store: store);

        var answer = await service.AskAsync(new AnswerRequest("Wie hoch ist die Gebühr für die Erlaubnis einer Sondernutzung?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused);
        Assert.StartsWith("„Die Gebühr für die Erlaubnis einer Sondernutzung beträgt 50 Euro im Monat.“", answer.Text, StringComparison.Ordinal);
        Assert.Contains("wird nur erhoben, wenn die Erlaubnis erteilt wird", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Checks.Passed, string.Join(" | ", answer.Checks.Issues));
    }
    [Fact]
    public async Task Ask_AmountQuestion_CompletesTheNormHeadedSteuersatz_WhereverItRanked()
    {
        // Search found the Steuersatz norm's Absatz 2 only, below three other norms; its Absatz 1 holds the ordinary rate.
        static Chunks.Chunk Hit(string section, string absatz, string title, int rank, string text) =>
            AnswerFixtures.Passage("kommune/h.md", "Hundesteuersatzung", "Hundesteuersatzung", section, absatz, title, rank, text, level: Level.Kommune, type: DocumentType.Satzung);
        var hits = new[]
        {
            Hit("1", "1", "Steuergegenstand", 1, "(1) Die Gemeinde erhebt die Hundesteuer nach dieser Satzung."),
            Hit("11", "6", "Hundesteuermarken", 2, "(6) Bei Verlust einer Hundesteuermarke wird dem Halter eine Ersatzmarke gegen eine Gebühr von 5,00 € ausgehändigt."),
            Hit("11", "1", "Hundesteuermarken", 3, "(1) Für jeden Hund wird eine Hundesteuermarke, die Eigentum der Gemeinde bleibt, ausgegeben."),
            Hit("11", "2", "Hundesteuermarken", 4, "(2) Die Hundesteuermarken bleiben für die Dauer der Hundehaltung gültig."),
            Hit("3", "1", "Beginn der Steuerpflicht", 5, "(1) Die Hundesteuerpflicht beginnt am ersten Tag des auf den Beginn des Haltens folgenden Kalendermonats."),
            Hit("5", "2", "Steuersatz", 6, "(2) Hält ein Hundehalter mehrere Hunde, so erhöht sich der nach Abs. 1 geltende Steuersatz für den zweiten und jeden weiteren Hund auf 330,00 €."),
        };
        var store = new NormStore()
            .Add("Hundesteuersatzung", Level.Kommune, "kommune/h.md", "5", "1", "(1) Die Steuer beträgt im Kalenderjahr für jeden Hund 165,00 €.")
            .Add("Hundesteuersatzung", Level.Kommune, "kommune/h.md", "5", "2", hits[^1].Text);
        var service = new AnswerService(new FakeSearchService(hits), NullLogger<AnswerService>.Instance, Options.Create(new AnswerOptions()), store: store);

        var answer = await service.AskAsync(new AnswerRequest("Wie hoch ist die Hundesteuer für den ersten Hund?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused);
        Assert.Contains("„Die Steuer beträgt im Kalenderjahr für jeden Hund 165,00 €.“", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Checks.Passed, string.Join(" | ", answer.Checks.Issues));
    }
}
