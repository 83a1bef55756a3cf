using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

/// <summary>Whose bylaw a document of the Gemeinde's folder is: the issuer its title names decides, not the folder.</summary>
public sealed class BylawIssuerTests
{
    [Theory]
    [InlineData("Satzung der Jagdgenossenschaft Bad Boll")]
    [InlineData("Verbandssatzung des Zweckverbands Wasserversorgung Fils")]
    [InlineData("Satzung der Gemeinde Gruibingen über die Benutzung der Gemeindehalle")]
    public void OtherBody_TitleNamingAnotherKoerperschaft_IsAnotherBodysBylaw_EvenInTheGemeindesFolder(string title)
    {
        var chunk = Bylaw(title, "Satzung", "1");

        Assert.NotNull(ApplicableLaw.Default.OtherBody(chunk));
    }

    [Theory]
    [InlineData("Friedhofsatzung der Gemeinde Bad Boll (Friedhofsordnung und Bestattungsgebührensatzung)")]
    [InlineData("Benutzungsordnung der Bücherei im Alten Schulhaus Bad Boll")]
    [InlineData("Veröffentlichungsrichtlinie für das amtliche Mitteilungsblatt des Gemeindeverwaltungsverbandes Raum Bad Boll")]
    [InlineData("Satzung über die Form der öffentlichen Bekanntmachung")]
    public void OtherBody_TitleNamingTheGemeindeOrNoBody_IsTheGemeindesOwn(string title) =>
        Assert.Null(ApplicableLaw.Default.OtherBody(Bylaw(title, "Satzung", "1")));

    [Fact]
    public void Apply_KoerperschaftsBylawInTheGemeindesFolder_RanksBehindTheGemeindesOwn_UnlessTheQuestionNamesIt()
    {
        var hunt = Bylaw("Satzung der Jagdgenossenschaft Bad Boll", "Satzung Jagdgenossenschaft Bad Boll", "8");
        var council = Bylaw("Geschäftsordnung für den Gemeinderat", "Geschäftsordnung Gemeinderat Bad Boll", "33");
        var candidates = new List<ScoredChunk> { new(hunt, 1.0), new(council, 0.8) };

        var ranked = ApplicableLaw.Default.Apply("Wer unterzeichnet die Niederschrift?", candidates, [], new HashSet<PrecedenceRule>());
        var named = ApplicableLaw.Default.Apply("Wer unterzeichnet die Niederschrift der Jagdgenossen?", candidates, [], new HashSet<PrecedenceRule>());

        Assert.Equal(council.Id, ranked[0].Chunk.Id);
        Assert.Equal(hunt.Id, named[0].Chunk.Id);
    }

    [Fact]
    public void Of_AnotherGemeindesBylaw_IsNamedByThePlaceAlone_NotByTheWholeRestOfTheTitle()
    {
        var issuer = BylawIssuer.Of("Satzung der Gemeinde Gruibingen über die Benutzung der Gemeindehalle", new LocalBody("Gemeinde", "Bad Boll", "kommune/GEM-BBO/", "Bad Boll", null, ["Bad Boll"]));

        Assert.NotNull(issuer);
        Assert.True(issuer.IsNamedIn(["Hallenmiete", "Gruibingen"]));
        Assert.False(issuer.IsNamedIn(["Hallenmiete", "Benutzung"]));
    }

    private static Chunks.Chunk Bylaw(string title, string law, string section) =>
        AnswerFixtures.Passage($"kommune/GEM-BBO/{law.Replace(' ', '_')}.md", law, title, section, null, "Niederschrift", 1,
            "(1) Die Niederschrift ist vom Vorsitzenden zu unterzeichnen.", level: Level.Kommune, type: DocumentType.Satzung);
}
