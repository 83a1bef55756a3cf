using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class RelevanceAssessorTests
{
    private readonly AnswerOptions _options = new();

    [Fact]
    public void Assess_PassagesSharingContentWords_Relevant()
    {
        var result = Result(AnswerFixtures.AussenbereichPassages);

        var assessment = RelevanceAssessor.Assess("Wann ist ein Vorhaben im Außenbereich zulässig?", result, _options, 6);

        Assert.Contains(assessment.Relevant, hit => hit.Chunk == AnswerFixtures.Paragraph35Absatz1);
        Assert.Contains(assessment.Relevant, hit => hit.Chunk == AnswerFixtures.Paragraph35Absatz2);
    }

    [Fact]
    public void Assess_UnrelatedQuestion_NothingRelevant_ButNearestNamed()
    {
        var result = Result(AnswerFixtures.AussenbereichPassages);

        var assessment = RelevanceAssessor.Assess("Wie backe ich einen Käsekuchen mit Quark?", result, _options, 6);

        Assert.Empty(assessment.Relevant);
        Assert.Equal(["§ 35 BauGB", "§ 34 BauGB"], assessment.Nearest.Select(chunk => CitationFormatter.FormatNorm(chunk.Citation)));
    }

    [Fact]
    public void Assess_OneSharedWordOfMany_NotEnough()
    {
        var result = Result([AnswerFixtures.HundesteuerSteuersatz]);

        var assessment = RelevanceAssessor.Assess("Wie beantrage ich einen Zuschuss für die Sanierung meines Kalenderjahr-Denkmals im Ortskern?", result, _options, 6);

        Assert.Empty(assessment.Relevant);
    }

    [Fact]
    public void Assess_NamedNorm_RelevantWithoutSharedWords()
    {
        var result = Result(AnswerFixtures.AussenbereichPassages) with { NamedNorms = [new Citation("BauGB", NormKind.Paragraph, "34")] };

        var assessment = RelevanceAssessor.Assess("§ 34 BauGB?", result, _options, 6);

        Assert.Equal([AnswerFixtures.Paragraph34Absatz1], assessment.Relevant.Select(hit => hit.Chunk));
    }

    [Fact]
    public void Assess_RepealedPassage_NeverRelevant()
    {
        var repealed = AnswerFixtures.Paragraph35Absatz2 with { IsRepealed = true };

        var assessment = RelevanceAssessor.Assess("Sonstige Vorhaben im Einzelfall zugelassen", Result([repealed]), _options, 6);

        Assert.Empty(assessment.Relevant);
    }

    [Fact]
    public void Assess_KeepsRankOrder_UpToMaxPassages()
    {
        var assessment = RelevanceAssessor.Assess("Vorhaben Erschließung gesichert zulässig", Result(AnswerFixtures.AussenbereichPassages), _options, 2);

        Assert.Equal([AnswerFixtures.Paragraph35Absatz1, AnswerFixtures.Paragraph35Absatz2], assessment.Relevant.Select(hit => hit.Chunk));
    }

    private static SearchResult Result(IReadOnlyList<Chunks.Chunk> chunks) =>
        new("q", chunks.Select((chunk, i) => new SearchHit(i + 1, 1.0 / (i + 1), chunk)).ToList(), [], SearchMode.Hybrid, TimeSpan.Zero, []);

    private static readonly Chunks.Chunk Ruhezeit = AnswerFixtures.Passage("kommune/GEM-BBO/Friedhof.md", "Friedhofsatzung Bad Boll", "Friedhofsatzung", "8", null, "Ruhezeit", 8,
        "Die Ruhezeit der Verstorbenen beträgt 20 Jahre.");

    private static readonly Chunks.Chunk RuhezeitInPassing = AnswerFixtures.Passage("kommune/GEM-BBO/Friedhof.md", "Friedhofsatzung Bad Boll", "Friedhofsatzung", "9", null, "Umbettungen", 9,
        "Umbettungen sind in den ersten 3 Jahren der Ruhezeit nur aus wichtigem Grund zulässig.");

    [Fact]
    public void StatesAskedFact_NounTheCorpusLacks_IsNotRequired_WhereTheNormsHeadingNamesTheOthers()
    {
        const string question = "Wie lange ist die Ruhezeit für ein Sarggrab?";

        Assert.False(RelevanceAssessor.StatesAskedFact(question, [Ruhezeit]));
        Assert.True(RelevanceAssessor.StatesAskedFact(question, [Ruhezeit], unknownToCorpus: new HashSet<string> { "sarggrab" }));
    }

    [Fact]
    public void StatesAskedFact_NounTheCorpusLacks_StillRefused_WhereTheNormOnlyMentionsTheOthers() =>
        Assert.False(RelevanceAssessor.StatesAskedFact("Wie lange ist die Ruhezeit für ein Sarggrab?", [RuhezeitInPassing], unknownToCorpus: new HashSet<string> { "sarggrab" }));

    [Fact]
    public void StatesAskedFact_YesNoQuestionsLeadingVerb_IsNoNounTheNormMustName()
    {
        var quota = AnswerFixtures.Passage("kommune/GEM-BBO/Blatt.md", "Veröffentlichungsrichtlinie Bad Boll", "Veröffentlichungsrichtlinie", "1", null, "Beiträge der Fraktionen", 1,
            "Den Fraktionen wird für ihre Beiträge ein Kontingent von 1.800 Zeichen pro Ausgabe eingeräumt.");

        Assert.True(RelevanceAssessor.StatesAskedFact("Eine Fraktion will einen Beitrag bringen. Geht das noch, und wie lang dürfen solche Beiträge sein?", [quota]));
    }

    [Theory]
    [InlineData("Geht das noch?", "")]
    [InlineData("Braucht er dafür eine Genehmigung?", "genehmigung")]
    [InlineData("Hundesteuer für einen Kampfhund?", "hundesteu kampfhund")]
    [InlineData("Ein Bürger fragt. Muss die Gemeinde zahlen?", "burg gemeind")]
    [InlineData("Frist des Widerspruchs?", "frist widerspruch")]
    [InlineData("Kosten der Bestattung?", "kost bestattung")]
    public void Nouns_LeadingVerbOfAYesNoQuestion_IsNone_ALeadingNounStays(string question, string nouns) =>
        Assert.Equal(nouns.Split(' ', StringSplitOptions.RemoveEmptyEntries), QuestionTerms.Of(question).Nouns);
}
