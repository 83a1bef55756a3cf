using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class QuestionCoverageTests
{
    private static readonly GermanAnalyzer Analyzer = GermanAnalyzer.Default;

    /// <summary>A one-line Absatz that shares only the law's title with the question, scored high by length normalisation.</summary>
    private static readonly ScoredChunk TitleOnly = new(AnswerFixtures.Passage(
        "bund/uhvorschg.md", "UhVorschG", "Unterhaltsvorschussgesetz", "10", "2", "Bußgeldvorschriften", 1,
        "(2) Die Ordnungswidrigkeit kann mit einer Geldbuße geahndet werden."), 41);

    private static readonly ScoredChunk Answering = new(AnswerFixtures.Passage(
        "bund/uhvorschg.md", "UhVorschG", "Unterhaltsvorschussgesetz", "1", "1", "Berechtigte", 2,
        "(1) Anspruch auf Unterhaltsvorschuss hat ein Kind, das bei einem alleinerziehenden Elternteil lebt und von dem anderen Elternteil keinen Unterhalt erhält."), 30);

    private static readonly ScoredChunk Unrelated = new(AnswerFixtures.Passage(
        "bund/uhvorschg.md", "UhVorschG", "Unterhaltsvorschussgesetz", "8", "2", "Aufbringung der Mittel", 3,
        "(2) Die eingezogenen Beträge führen die Länder zu 40 Prozent an den Bund ab."), 25);

    [Fact]
    public void Apply_PassageHoldingTheQuestion_RanksBeforeAShortOneHoldingOnlyTheLawTitle()
    {
        var query = QueryTerms.FromText(Analyzer, "Bekommt ein Kind ohne Unterhalt vom anderen Elternteil Unterhaltsvorschuss?");

        var ranked = new QuestionCoverage(Analyzer, 1, []).Apply(query, [TitleOnly, Answering, Unrelated]);

        Assert.Equal(["1", "10", "8"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Fact]
    public void Apply_WeightZero_LeavesTheOrder()
    {
        var query = QueryTerms.FromText(Analyzer, "Bekommt ein Kind ohne Unterhalt vom anderen Elternteil Unterhaltsvorschuss?");

        var ranked = new QuestionCoverage(Analyzer, 0, []).Apply(query, [TitleOnly, Answering, Unrelated]);

        Assert.Equal(["10", "1", "8"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Fact]
    public void Apply_PlaceNamesOfTheDeployment_CoverNothing()
    {
        var bylaw = new ScoredChunk(AnswerFixtures.Passage(
            "kommune/satzung.md", "Freibadsatzung Bad Boll", "Satzung Freibad Bad Boll", "2", null, "Öffnungszeiten", 1,
            "Das Freibad der Gemeinde Bad Boll ist von Mai bis September täglich geöffnet."), 10);
        var other = new ScoredChunk(AnswerFixtures.Passage(
            "kommune/hallen.md", "Benutzungsordnung Bad Boll", "Benutzungsordnung Bad Boll", "5", null, "Zweck", 1,
            "Die Gemeinde Bad Boll überlässt die Halle den Vereinen."), 11);
        var query = QueryTerms.FromText(Analyzer, "Bad Boll Freibad");

        var withPlace = new QuestionCoverage(Analyzer, 1, ["Bad Boll"]).Apply(query, [other, bylaw]);

        // Only "Freibad" counts: the bylaw covers all of the question, the other passage nothing, not half.
        Assert.Equal(20, withPlace.Single(hit => hit.Chunk.Citation.Section == "2").Score, 6);
        Assert.Equal(11, withPlace.Single(hit => hit.Chunk.Citation.Section == "5").Score, 6);
    }

    [Fact]
    public void Apply_PassageWhoseTextChanged_CountsTheNewText()
    {
        var query = QueryTerms.FromText(Analyzer, "Bekommt ein Kind ohne Unterhalt vom anderen Elternteil Unterhaltsvorschuss?");
        var coverage = new QuestionCoverage(Analyzer, 1, []);
        coverage.Apply(query, [Unrelated, Answering]);

        // The same passage (same id) after a reindex, now with the answering text: its old terms must not be used.
        var changed = Unrelated.Chunk with { Text = Answering.Chunk.Text };
        changed = changed with { ContentHash = ChunkId.ContentHash(changed.SearchText) };
        var ranked = coverage.Apply(query, [new ScoredChunk(changed, Unrelated.Score), Answering]);

        Assert.Equal(Unrelated.Score * 2, ranked.Single(hit => hit.Chunk.Id == Unrelated.Chunk.Id).Score, 6);
    }
}
