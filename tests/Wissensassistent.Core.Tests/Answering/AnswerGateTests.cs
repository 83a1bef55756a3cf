using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
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

    [Fact]
    public async Task FigureQuestion_FigureAboutAnotherMatterSharingOneWord_IsRefused()
    {
        // "Grenze" is shared, but the distance is for solar panels; hedges are not regulated here.
        var solar = AnswerFixtures.Passage("land-bw/lbo.md", "LBO", "Landesbauordnung", "5", "7", "Abstandsflächen", 50,
            "(7) Solaranlagen auf Dächern müssen von Nachbargrenzen mindestens 2 Meter entfernt bleiben.");

        var answer = await Service(solar).AskAsync(new AnswerRequest("Der Nachbar hat eine Hecke gepflanzt. Wie weit muss eine Hecke von der Grenze entfernt sein?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
    }

    [Fact]
    public async Task FigureQuestion_NormOnTheMatterStatesIt_IsAnswered()
    {
        var hedges = AnswerFixtures.Passage("land-bw/nrg.md", "NRG", "Nachbarrechtsgesetz", "12", "1", "Hecken", 12,
            "(1) Hecken bis 1,80 Meter Höhe müssen von der Grenze mindestens 0,50 Meter entfernt sein.");

        var answer = await Service(hedges).AskAsync(new AnswerRequest("Der Nachbar hat eine Hecke gepflanzt. Wie weit muss eine Hecke von der Grenze entfernt sein?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("0,50 Meter", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FigureQuestion_StoryAroundTheQuestion_NeedNotBeInTheNorm()
    {
        // "Welpe" is the clerk's word for the case; the asking sentence names the Hundesteuer, which the bylaw regulates.
        var start = AnswerFixtures.Passage("kommune/GEM-BBO/Hundesteuer.md", "Hundesteuersatzung Bad Boll", "Hundesteuersatzung", "3", "2", "Beginn der Steuerpflicht", 3,
            "(2) Die Steuerpflicht beginnt am ersten Tag des Kalendermonats, der auf den Monat folgt, in dem der Hund drei Monate alt wird.");

        var answer = await Service(start).AskAsync(new AnswerRequest("Eine Bürgerin hat sich im März einen Welpen geholt. Ab wann zahlt sie Hundesteuer?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("drei Monate", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionNamingCosts_WithoutAskingAnAmount_IsAnsweredByWhoBearsThem()
    {
        var costs = AnswerFixtures.Passage("bund/bgb.md", "BGB", "Bürgerliches Gesetzbuch", "1968", null, "Beerdigungskosten", 1968,
            "Der Erbe trägt die Kosten der Beerdigung des Erblassers.");

        var answer = await Service(costs).AskAsync(new AnswerRequest("Beerdigung Kosten?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("Der Erbe trägt die Kosten", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoWordQuestion_PassageSharingItsMatter_IsAnswered()
    {
        // Everyday "mieten" against the bylaw's "überlassen": the matter, the Sporthalle, is enough for two words.
        var halls = AnswerFixtures.Passage("kommune/GEM-BBO/Sporthallen.md", "Benutzungsordnung Sporthallen Bad Boll", "Benutzungsordnung Sporthallen", "3", "1", "Überlassung der Sporthallen", 3,
            "(1) Die Sporthallen werden Vereinen und Gruppen auf schriftlichen Antrag durch die Gemeinde überlassen.");

        var answer = await Service(halls).AskAsync(new AnswerRequest("Sporthalle mieten?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
    }

    [Fact]
    public async Task PlaceNameOfTheGemeinde_IsNoEvidenceOfTheMatter()
    {
        // Every bylaw of Bad Boll carries the name; an amount in one of them does not answer a question about another matter.
        var pool = AnswerFixtures.Passage("kommune/GEM-BBO/Badeordnung.md", "Badeordnung Bad Boll", "Badeordnung", "4", "1", "Eintritt", 4,
            "(1) Der Eintritt in das Freibad der Gemeinde Bad Boll beträgt 3,00 € für Erwachsene.");

        var answer = await Service(pool).AskAsync(new AnswerRequest("Wie viel Kurtaxe muss ein Hotel in Bad Boll je Übernachtung abführen?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
    }

    [Fact]
    public async Task FigureQuestion_PassageNamesOnlyTheHeadOfTheMattersCompound_IsRefused()
    {
        // "Beitrag" is a part of "Rundfunkbeitrag", not the matter: a contribution of another kind says nothing about it.
        var sewer = AnswerFixtures.Passage("kommune/GEM-BBO/Abwasser.md", "Abwassersatzung Bad Boll", "Abwassersatzung", "30", "1", "Beitragssatz", 30,
            "(1) Der Beitrag beträgt monatlich 18,36 € je Wohnung.");

        var answer = await Service(sewer).AskAsync(new AnswerRequest("Wie hoch ist der Rundfunkbeitrag im Monat?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
    }

    /// <summary>Twenty passages that name the matter and state no figure: all the first search returns.</summary>
    private static IEnumerable<Chunk> NamingWithoutFigure(string law, string sentence) =>
        Enumerable.Range(1, 20).Select(i => AnswerFixtures.Passage($"kommune/{law}.md", law, law, $"{i}", null, "Allgemeines", i, $"{sentence} Das gilt für den Fall {i}.",
            level: Level.Kommune, type: DocumentType.Satzung));

    [Fact]
    public async Task FigureQuestion_FigureRankedBelowTheFirstHits_IsFoundByTheWiderSearch()
    {
        // The Feuerwehrsatzung repeats the question's words in many norms; the sum stands in the Entschädigungssatzung's table.
        var table = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "1", "Zusätzliche Entschädigung", 30,
            "(1) Die folgenden Angehörigen der Feuerwehr erhalten eine zusätzliche Entschädigung:\n| Funktion | Entschädigung |\n| --- | --- |\n| Kommandant | 1.000,00 €/Jahr |\n| Stv. Kommandant | 500,00 €/Jahr |",
            level: Level.Kommune, type: DocumentType.Satzung);
        Chunk[] passages = [.. NamingWithoutFigure("Feuerwehrsatzung", "Der stellvertretende Feuerwehrkommandant vertritt den Feuerwehrkommandanten; die Entschädigung regelt eine Satzung."), table];

        var answer = await Service(passages).AskAsync(new AnswerRequest("Welche Entschädigung bekommt der stellvertretende Feuerwehrkommandant?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.StartsWith("„Stv. Kommandant | 500,00 €/Jahr“", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FigureQuestion_WiderSearchFindsOnlyAFigureForAPartOfTheMatter_IsRefused()
    {
        var hut = AnswerFixtures.Passage("kommune/huette.md", "Hüttenordnung", "Hüttenordnung", "4", "1", "Entgelt", 30,
            "(1) Die Übernachtung in der Gemeindehütte kostet 12,00 € je Person.", level: Level.Kommune, type: DocumentType.Satzung);
        Chunk[] passages = [.. NamingWithoutFigure("Kurtaxesatzung", "Die Gemeinde erhebt von den Gästen eine Kurtaxe für jede Übernachtung."), hut];

        var answer = await Service(passages).AskAsync(new AnswerRequest("Wie hoch ist die Kurtaxe je Übernachtung?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused, answer.Text);
    }

    private static AnswerService Service(params Chunk[] passages) =>
        new(new FakeSearchService(passages), NullLogger<AnswerService>.Instance, Options.Create(new AnswerOptions()));
}
