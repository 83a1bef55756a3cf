using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class ApplicableLawApplyTests
{
    private static readonly ScoredChunk Federal = new(AnswerFixtures.Passage(
        "bund/vwvfg.md", "VwVfG", "Verwaltungsverfahrensgesetz", "41", "1", "Bekanntgabe des Verwaltungsaktes", 1,
        "(1) Ein Verwaltungsakt ist demjenigen Beteiligten bekannt zu geben, für den er bestimmt ist."), 10);

    private static readonly ScoredChunk Other = new(AnswerFixtures.Passage(
        "bund/bgb.md", "BGB", "Bürgerliches Gesetzbuch", "130", "1", "Wirksamwerden der Willenserklärung", 1,
        "(1) Eine Willenserklärung wird in dem Zeitpunkt wirksam, in welchem sie ihm zugeht."), 8);

    [Fact]
    public void Apply_RuleOfTheProfile_RemovesTheDisplacedPassage()
    {
        var law = ApplicableLaw.Default;
        var applied = new HashSet<PrecedenceRule>();

        var kept = law.Apply("Wann gilt ein Bescheid als bekannt gegeben?", [Federal, Other], law.Rules, applied);

        Assert.Equal(["BGB"], kept.Select(hit => hit.Chunk.Citation.Law));
        Assert.Single(applied);
    }

    [Fact]
    public void Apply_RuleFromElsewhere_RemovesWhatItDisplaces()
    {
        // A rule the profile does not hold (a caller's own) is asked of every passage, not only of those the profile's rules displace.
        var rule = new PrecedenceRule("Baden-Württemberg", "BGB", (100, 200), "LBGB", [], [], "Nur für diesen Test.");
        var applied = new HashSet<PrecedenceRule>();

        var kept = ApplicableLaw.Default.Apply("Wann wird eine Erklärung wirksam?", [Federal, Other], [rule], applied);

        Assert.Equal(["VwVfG"], kept.Select(hit => hit.Chunk.Citation.Law));
        Assert.Equal([rule], applied);
    }
}
