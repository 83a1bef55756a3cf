using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class NamedLandTests
{
    private static readonly ScoredChunk Bylaw = new(AnswerFixtures.Passage(
        "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md", "Hundesteuersatzung Bad Boll", "Hundesteuersatzung Bad Boll", "1", "1", "Steuergegenstand", 1,
        "(1) Die Gemeinde erhebt die Hundesteuer nach dieser Satzung.", level: Level.Kommune), 2.0);

    private static readonly ScoredChunk LandLaw = new(AnswerFixtures.Passage(
        "land-bw/KAG-BW_TEIL-2_Steuern.md", "KAG", "Kommunalabgabengesetz für Baden-Württemberg", "9", "3", "Erhebung örtlicher Steuern", 2,
        "(3) Die Gemeinden erheben eine Hundesteuer.", level: Level.Land), 1.5);

    [Theory]
    [InlineData("Hundesteuer Pflicht Baden-Württemberg?", true)]
    [InlineData("Jagdsteuer Höhe BW?", true)]
    [InlineData("Gilt in baden-württemberg eine Hundesteuer?", true)]
    [InlineData("Hundesteuer Pflicht?", false)]
    [InlineData("Hundesteuer bw", false)]
    [InlineData("Was regelt die LBO-BW?", false)]
    [InlineData("Hundesteuer in Bayern?", false)]
    public void IsNamedIn(string question, bool expected) => Assert.Equal(expected, NamedLand.IsNamedIn(question, "Baden-Württemberg"));

    [Fact]
    public void IsNamedIn_OtherLand_KnowsItsAbbreviation() => Assert.True(NamedLand.IsNamedIn("Hundesteuer Pflicht BY?", "Bayern"));

    [Fact]
    public void Apply_QuestionNamesTheLand_RanksTheLandsLawBeforeTheBylaw()
    {
        var ranked = NamedLand.Apply("Hundesteuer Pflicht BW?", [Bylaw, LandLaw], "Baden-Württemberg", 1.0);

        Assert.Equal(["KAG", "Hundesteuersatzung Bad Boll"], ranked.Select(hit => hit.Chunk.Citation.Law));
    }

    [Fact]
    public void Apply_QuestionWithoutTheLand_LeavesTheOrder()
    {
        var ranked = NamedLand.Apply("Hundesteuer Pflicht?", [Bylaw, LandLaw], "Baden-Württemberg", 1.0);

        Assert.Equal(["Hundesteuersatzung Bad Boll", "KAG"], ranked.Select(hit => hit.Chunk.Citation.Law));
    }
}
