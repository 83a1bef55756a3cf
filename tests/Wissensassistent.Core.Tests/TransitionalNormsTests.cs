using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class TransitionalNormsTests
{
    private static readonly ScoredChunk Transitional = new(AnswerFixtures.Passage(
        "bund/wogg.md", "WoGG", "Wohngeldgesetz", "42b", "5", "Übergangsregelung aus Anlass des Gesetzes zur Stärkung des Wohngeldes", 1,
        "(5) Ist bis zum 31. Dezember 2019 über einen Wohngeldantrag noch nicht entschieden, …"), 2.0);

    private static readonly ScoredChunk Current = new(AnswerFixtures.Passage(
        "bund/wogg.md", "WoGG", "Wohngeldgesetz", "25", "1", "Bewilligungszeitraum", 2,
        "(1) Das Wohngeld soll für zwölf Monate bewilligt werden."), 1.5);

    [Fact]
    public void Apply_CurrentQuestion_RanksTheCurrentNormBeforeTheTransitionalOne()
    {
        var ranked = TransitionalNorms.Apply("Für wie lange wird Wohngeld nach einem Antrag bewilligt?", [Transitional, Current], 0.4);

        Assert.Equal(["25", "42b"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Fact]
    public void Apply_QuestionAboutTheTransition_LeavesTheOrder()
    {
        var ranked = TransitionalNorms.Apply("Welche Übergangsregelung gilt für Anträge aus 2019?", [Transitional, Current], 0.4);

        Assert.Equal(["42b", "25"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Fact]
    public void Apply_NormInAPartOfTransitionalProvisions_RanksItAfterTheCurrentNorm()
    {
        // § 42 WoGG is titled after the law it carries over from; only the part it stands in says it is transitional.
        var carriedOver = new ScoredChunk(Transitional.Chunk with
        {
            Citation = Transitional.Chunk.Citation with { Section = "42" },
            NormTitle = "Gesetz zur Neuregelung des Wohngeldrechts",
            HeadingPath = ["WoGG", "Teil 8 - Überleitungsvorschriften", "§ 42 Gesetz zur Neuregelung des Wohngeldrechts"],
        }, 2.0);

        var ranked = TransitionalNorms.Apply("Für wie lange wird Wohngeld nach einem Antrag bewilligt?", [carriedOver, Current], 0.4);

        Assert.Equal(["25", "42"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Fact]
    public void Apply_NormInAPartOfTransitionalAndFinalProvisions_KeepsItsScore()
    {
        // "Übergangs- und Schlussvorschriften" also hold current rules (§ 249 BauGB Windenergie).
        var final = new ScoredChunk(Transitional.Chunk with
        {
            Citation = Transitional.Chunk.Citation with { Section = "249" },
            NormTitle = "Sonderregelungen zur Windenergie",
            HeadingPath = ["BauGB", "Viertes Kapitel - Überleitungs- und Schlussvorschriften", "§ 249 Sonderregelungen zur Windenergie"],
        }, 2.0);

        var ranked = TransitionalNorms.Apply("Für wie lange wird Wohngeld nach einem Antrag bewilligt?", [final, Current], 0.4);

        Assert.Equal(["249", "25"], ranked.Select(hit => hit.Chunk.Citation.Section));
    }

    [Theory]
    [InlineData("Überleitungsvorschrift aus Anlass der dritten Änderungsverordnung", true)]
    [InlineData("Übergangsvorschriften", true)]
    [InlineData("Inkrafttreten", true)]
    [InlineData("Übergang von Ansprüchen des Berechtigten", false)]
    public void IsTransitional_ByTitle(string title, bool expected) => Assert.Equal(expected, TransitionalNorms.IsTransitional(title));
}
