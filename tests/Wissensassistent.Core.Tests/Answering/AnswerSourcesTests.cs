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
}
