using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class FollowUpResolverTests
{
    private static readonly ConversationTurn AussenbereichTurn =
        new("Wann ist ein Vorhaben im Außenbereich nach § 35 BauGB zulässig?", "Nach § 35 BauGB … [1]");

    [Fact]
    public void Resolve_InnenbereichAfterAussenbereich_ReplacesContrastedTermAndKeepsLaw()
    {
        var resolved = FollowUpResolver.Resolve("Und im Innenbereich?", [AussenbereichTurn]);

        Assert.StartsWith("Und im Innenbereich?", resolved, StringComparison.Ordinal);
        Assert.Contains("Vorhaben", resolved, StringComparison.Ordinal);
        Assert.Contains("zulässig", resolved, StringComparison.Ordinal);
        Assert.Contains("BauGB", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain("Außenbereich", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain("§ 35", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AnaphoricFollowUp_AppendsPreviousNormAndTerms()
    {
        var history = new[] { new ConversationTurn("Wie hoch ist die Hundesteuer nach § 5 Hundesteuersatzung?", "…") };

        var resolved = FollowUpResolver.Resolve("Gilt das auch für Kampfhunde?", history);

        Assert.Contains("§ 5 Hundesteuersatzung", resolved, StringComparison.Ordinal);
        Assert.Contains("Hundesteuer", resolved, StringComparison.Ordinal);
        Assert.Contains("Kampfhunde", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SelfContainedQuestion_Unchanged()
    {
        const string Question = "Welche Voraussetzungen gelten für Bauvorhaben innerhalb der im Zusammenhang bebauten Ortsteile nach § 34 BauGB?";

        Assert.Equal(Question, FollowUpResolver.Resolve(Question, [AussenbereichTurn]));
    }

    [Fact]
    public void Resolve_WithoutHistory_Unchanged()
    {
        Assert.Equal("Und im Innenbereich?", FollowUpResolver.Resolve("Und im Innenbereich?", null));
    }

    [Fact]
    public void Resolve_FollowUpOfAFollowUp_CarriesTheOriginalContext()
    {
        var history = new[] { AussenbereichTurn, new ConversationTurn("Und im Innenbereich?", "…") };

        var resolved = FollowUpResolver.Resolve("Was ist mit der Erschließung?", history);

        Assert.Contains("Innenbereich", resolved, StringComparison.Ordinal);
        Assert.Contains("Vorhaben", resolved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Und im Innenbereich?", true)]
    [InlineData("Gilt das auch für Kampfhunde?", true)]
    [InlineData("Innenbereich?", true)]
    [InlineData("Wie hoch ist die Hundesteuer in Bad Boll für den zweiten Hund im Kalenderjahr?", false)]
    [InlineData("Wer erteilt die Baugenehmigung?", false)]
    public void IsFollowUp_ShortLeaningQuestions(string question, bool expected)
    {
        Assert.Equal(expected, FollowUpResolver.IsFollowUp(question));
    }

    [Fact]
    public void NamedNorms_FindsParagraphsAndArticlesWithLaw()
    {
        var norms = FollowUpResolver.NamedNorms("Nach § 35 Abs. 1 BauGB und Art. 20 GG sowie §  34 BauGB");

        Assert.Equal(["§ 35 Abs. 1 BauGB", "Art. 20 GG", "§ 34 BauGB"], norms);
    }

    /// <summary>The regex this replaced cut "§ 7 SGB II" to "§ 7 SGB"; the one grammar reads what the parser reads.</summary>
    [Theory]
    [InlineData("Was gilt nach § 7 SGB II?", "§ 7 SGB II")]
    [InlineData("Und § 44 SGB X?", "§ 44 SGB X")]
    [InlineData("Und nach §§ 48, 49 VwVfG?", "§ 48 VwVfG")]
    public void NamedNorms_ReadsCitationsLikeSearchAndShow(string text, string expected)
    {
        Assert.Contains(expected, FollowUpResolver.NamedNorms(text));
    }

    [Fact]
    public void Resolve_FollowUp_CarriesTheEarlierNormWithItsWholeLaw()
    {
        var resolved = FollowUpResolver.Resolve("Und für Alleinstehende?", [new ConversationTurn("Wer ist nach § 7 SGB II leistungsberechtigt?", "…")]);

        Assert.Contains("§ 7 SGB II", resolved, StringComparison.Ordinal);
    }
}
