using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Cli.Tests;

/// <summary>The extractive path on the real corpus: staff questions get answers that cite the right norms.</summary>
public sealed class ExtractiveAnswerTests(IngestedCorpus corpus)
{
    [Theory]
    [InlineData("Wann darf ein rechtswidriger Verwaltungsakt zurückgenommen werden?", "§ 48 LVwVfG")]
    [InlineData("Wann ist ein Vorhaben im Außenbereich zulässig?", "§ 35 BauGB")]
    [InlineData("Welche Rechtsstellung und Aufgaben hat der Gemeinderat?", "§ 24 GemO")]
    [InlineData("Wie hoch ist die Hundesteuer für einen Kampfhund in Bad Boll?", "§ 5 Hundesteuersatzung Bad Boll")]
    public async Task Ask_WithoutChatModel_CitesTheRightNorm(string question, string expectedNorm)
    {
        var answers = corpus.Services.GetRequiredService<IAnswerService>();

        var answer = await answers.AskAsync(new AnswerRequest(question), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.False(answer.Refused, answer.Text);
        Assert.Contains(expectedNorm, answer.Citations.Select(c => CitationFormatter.FormatNorm(c.Chunk.Citation)));
        Assert.All(answer.Citations, c => Assert.True(c.Verified));
        Assert.True(answer.Checks.Passed, string.Join("; ", answer.Checks.Issues));
    }

    [Fact]
    public async Task Ask_QuestionTheCorpusCannotAnswer_IsRefusedPlainly()
    {
        var answers = corpus.Services.GetRequiredService<IAnswerService>();

        var answer = await answers.AskAsync(new AnswerRequest("Wie lautet das Rezept für Schwarzwälder Kirschtorte?"), TestContext.Current.CancellationToken);

        Assert.True(answer.Refused);
        Assert.StartsWith("Dazu enthält der Bestand keine Regelung", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FigureQuestionWithANounTheCorpusLacks_IsAnsweredByTheNormHeadedWithTheOtherNoun()
    {
        // The Friedhofsatzung knows no "Sarggrab"; its § 8 is headed "Ruhezeit" and states it.
        var answer = await corpus.Services.GetRequiredService<IAnswerService>().AskAsync(new AnswerRequest("Wie lange ist die Ruhezeit für ein Sarggrab?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("20 Jahre", answer.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("§ 8 Friedhofsatzung Bad Boll", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SumsForTwoFunctionsOfOneTable_DirectAnswerIsTheTableRow_AndTheOtherRowFollows()
    {
        var answer = await corpus.Services.GetRequiredService<IAnswerService>().AskAsync(
            new AnswerRequest("Wie hoch ist die zusätzliche Entschädigung des Kommandanten der Feuerwehr und seines Stellvertreters?"), TestContext.Current.CancellationToken);

        Assert.StartsWith("„Kommandant | 1.000,00 €/Jahr“", answer.Text, StringComparison.Ordinal);
        Assert.Contains("„Stv. Kommandant | 500,00 €/Jahr“", answer.Text, StringComparison.Ordinal);
    }
}
