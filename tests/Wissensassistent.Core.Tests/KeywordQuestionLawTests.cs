using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class KeywordQuestionLawTests
{
    private static readonly ScoredChunk FederalFirst = new(AnswerFixtures.Passage(
        "bund/vwgo.md", "VwGO", "Verwaltungsgerichtsordnung", "100", "1", "Akteneinsicht", 1,
        "(1) Die Beteiligten können die Gerichtsakten und die dem Gericht vorgelegten Akten einsehen.", level: Level.Bund), 3.0);

    private static readonly ScoredChunk FederalSecond = new(AnswerFixtures.Passage(
        "bund/owig_1968.md", "OWiG", "Gesetz über Ordnungswidrigkeiten", "49", "1", "Akteneinsicht des Betroffenen", 1,
        "(1) Die Verwaltungsbehörde gewährt dem Betroffenen auf Antrag Einsicht in die Akten.", level: Level.Bund), 2.0);

    private static readonly ScoredChunk LandLaw = new(AnswerFixtures.Passage(
        "land-bw/LVwVfG-BW_TEIL-2.md", "LVwVfG", "Landesverwaltungsverfahrensgesetz", "29", "1", "Akteneinsicht durch Beteiligte", 1,
        "(1) Die Behörde hat den Beteiligten Einsicht in die das Verfahren betreffenden Akten zu gestatten.", level: Level.Land), 1.5);

    private static readonly ScoredChunk Bylaw = new(AnswerFixtures.Passage(
        "kommune/GEM-BBO/BBO_Satzung_Geschaeftsordnung_Gemeinderat.md", "Geschäftsordnung Gemeinderat Bad Boll", "Geschäftsordnung Gemeinderat Bad Boll", "4", "1", "Einsicht in Akten", 2,
        "(1) Der Gemeinderat kann Einsicht in die Akten verlangen.", level: Level.Kommune), 1.2);

    [Fact]
    public void Apply_KeywordQuestion_RanksTheDeploymentsLawBeforeFurtherFederalPassages()
    {
        var ranked = KeywordQuestionLaw.Apply([FederalFirst, FederalSecond, LandLaw, Bylaw], questionTerms: 2, namesLaw: false, maxQuestionTerms: 4, boost: 1.0);

        Assert.Equal(["VwGO", "LVwVfG", "Geschäftsordnung Gemeinderat Bad Boll", "OWiG"], ranked.Select(hit => hit.Chunk.Citation.Law));
    }

    [Fact]
    public void Apply_KeywordQuestion_KeepsTheBestMatchFirst_EvenAboveAScaledLocalPassage()
    {
        var ranked = KeywordQuestionLaw.Apply([FederalFirst, LandLaw with { Score = 2.5 }], questionTerms: 2, namesLaw: false, maxQuestionTerms: 4, boost: 1.0);

        Assert.Equal(["VwGO", "LVwVfG"], ranked.Select(hit => hit.Chunk.Citation.Law));
        Assert.True(ranked[0].Score > ranked[1].Score, "later steps sort by score: the first must keep the highest");
    }

    [Fact]
    public void Apply_LongerQuestion_LeavesTheOrder()
    {
        var ranked = KeywordQuestionLaw.Apply([FederalFirst, FederalSecond, LandLaw], questionTerms: 9, namesLaw: false, maxQuestionTerms: 4, boost: 1.0);

        Assert.Equal(["VwGO", "OWiG", "LVwVfG"], ranked.Select(hit => hit.Chunk.Citation.Law));
    }

    [Fact]
    public void Apply_QuestionNamesALaw_LeavesTheOrder()
    {
        var ranked = KeywordQuestionLaw.Apply([FederalFirst, FederalSecond, LandLaw], questionTerms: 2, namesLaw: true, maxQuestionTerms: 4, boost: 1.0);

        Assert.Equal(["VwGO", "OWiG", "LVwVfG"], ranked.Select(hit => hit.Chunk.Citation.Law));
    }
}
