using Wissensassistent.Core.Answering;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class CitationVerifierTests
{
    private static readonly IReadOnlyList<Chunks.Chunk> Sources = AnswerFixtures.AussenbereichPassages;

    [Fact]
    public void Verify_CorrectAnswer_PassesAndKeepsText()
    {
        const string Answer = "Im Außenbereich ist ein Vorhaben nur zulässig, wenn „öffentliche Belange nicht entgegenstehen“ und die Erschließung gesichert ist [1]. "
            + "Sonstige Vorhaben „können im Einzelfall zugelassen werden“ [2].";

        var result = CitationVerifier.Verify(Answer, Sources);

        Assert.True(result.Report.Passed, string.Join(" | ", result.Report.Issues));
        Assert.Equal(Answer, result.Text);
        Assert.Equal(2, result.Report.Markers);
        Assert.Equal(2, result.Report.Quotations);
        Assert.Equal([1, 2], result.Citations.Select(c => c.Marker));
        Assert.All(result.Citations, citation => Assert.True(citation.Verified));
        Assert.Equal(["öffentliche Belange nicht entgegenstehen"], result.Citations[0].Quotes);
    }

    [Fact]
    public void Verify_MarkerBeyondSources_RemovedAndReported()
    {
        var result = CitationVerifier.Verify("Sonstige Vorhaben können zugelassen werden [2][7]. Das gilt auch hier [7].", Sources);

        Assert.Equal(2, result.Report.InvalidMarkers);
        Assert.DoesNotContain("[7]", result.Text, StringComparison.Ordinal);
        Assert.Contains("werden [2].", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Report.Issues, issue => issue.Contains("[7]", StringComparison.Ordinal));
        Assert.False(result.Report.Passed);
    }

    [Fact]
    public void Verify_SentenceWhoseOnlyMarkerWasInvalid_BecomesUnsupported()
    {
        var result = CitationVerifier.Verify("Der Gemeinderat muss jedem Vorhaben zustimmen [7].", Sources);

        Assert.Equal(1, result.Report.InvalidMarkers);
        Assert.Equal(1, result.Report.UnsupportedSentences);
        Assert.EndsWith(CitationVerifier.UnsupportedClaimMark, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MarkerGroupWithOneInvalidNumber_KeepsTheValidOne()
    {
        var result = CitationVerifier.Verify("Sonstige Vorhaben können zugelassen werden [2, 9].", Sources);

        Assert.Equal("Sonstige Vorhaben können zugelassen werden [2].", result.Text);
        Assert.Equal(1, result.Report.InvalidMarkers);
    }

    [Fact]
    public void Verify_InventedQuotation_MarkedAndReported()
    {
        var result = CitationVerifier.Verify("Im Außenbereich gilt: „Vorhaben sind grundsätzlich genehmigungsfrei“ [1].", Sources);

        Assert.Equal(1, result.Report.UnverifiedQuotations);
        Assert.Contains("genehmigungsfrei“ " + CitationVerifier.UnverifiedQuotationMark, result.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(result.Citations).Verified);
        Assert.Contains(result.Report.Issues, issue => issue.Contains("nicht wörtlich in [1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_QuotationFromAnotherSourceThanCited_IsNotVerified()
    {
        // The words are in [2], but the sentence cites [3].
        var result = CitationVerifier.Verify("Es gilt: „Sonstige Vorhaben können im Einzelfall zugelassen werden“ [3].", Sources);

        Assert.Equal(1, result.Report.UnverifiedQuotations);
    }

    [Fact]
    public void Verify_QuotationChangedInCase_IsNotVerified()
    {
        var result = CitationVerifier.Verify("Es gilt: „sonstige vorhaben können im Einzelfall zugelassen werden“ [2].", Sources);

        Assert.Equal(1, result.Report.UnverifiedQuotations);
    }

    [Fact]
    public void Verify_QuotationWithTypographicAndStraightQuotes_BothChecked()
    {
        var result = CitationVerifier.Verify("Nach [2] gilt: \"Sonstige Vorhaben können im Einzelfall zugelassen werden\". Und „die Erschließung gesichert ist“ [2].", Sources);

        Assert.Equal(2, result.Report.Quotations);
        Assert.Equal(0, result.Report.UnverifiedQuotations);
    }

    [Fact]
    public void Verify_QuotationWithoutMarker_IsNotVerified()
    {
        var result = CitationVerifier.Verify("Das Gesetz sagt „Sonstige Vorhaben können im Einzelfall zugelassen werden“.", Sources);

        Assert.Equal(1, result.Report.UnverifiedQuotations);
        Assert.Equal(1, result.Report.UnsupportedSentences);
    }

    [Fact]
    public void Verify_ClaimWithoutMarker_Flagged()
    {
        var result = CitationVerifier.Verify("Im Außenbereich gilt § 35 BauGB [1]. Die Baugenehmigung kostet immer 500 Euro.", Sources);

        Assert.Equal(1, result.Report.UnsupportedSentences);
        Assert.Equal(1, result.SupportedClaims);
        Assert.EndsWith("500 Euro. " + CitationVerifier.UnsupportedClaimMark, result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Report.Issues, issue => issue.Contains("500 Euro", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_MarkerOnUnrelatedClaim_Flagged()
    {
        var result = CitationVerifier.Verify("Die Gebühr für eine Baugenehmigung beträgt 500 Euro [2].", Sources);

        Assert.Equal(1, result.Report.UnsupportedSentences);
        Assert.Equal(0, result.SupportedClaims);
        Assert.Contains(result.Report.Issues, issue => issue.Contains("teilt kein Wort mit [2]", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ParaphraseSharingWordsWithCitedSource_Supported()
    {
        var result = CitationVerifier.Verify("Andere Vorhaben sind im Einzelfall möglich, wenn die Erschließung gesichert ist [2].", Sources);

        Assert.True(result.Report.Passed, string.Join(" | ", result.Report.Issues));
    }

    [Fact]
    public void Verify_HeadingsQuestionsAndInsufficiencyStatements_NeedNoMarker()
    {
        const string Answer = "## Ergebnis\nFür Vorhaben im Außenbereich gilt ein strenger Maßstab [1].\nDie Quellen enthalten keine Angaben zu Gebühren.";

        var result = CitationVerifier.Verify(Answer, Sources);

        Assert.True(result.Report.Passed, string.Join(" | ", result.Report.Issues));
    }

    [Fact]
    public void Verify_QuotationInsideNumberedItem_RefinesCitationToNummer()
    {
        var result = CitationVerifier.Verify("Privilegiert ist ein Vorhaben, das „einem Betrieb der gartenbaulichen Erzeugung dient“ [1].", Sources);

        var citation = Assert.Single(result.Citations);
        Assert.Equal("§ 35 Abs. 1 Nr. 2 BauGB", citation.DisplayCitation.ToString());
    }

    [Fact]
    public void Verify_QuotationsFromDifferentItems_KeepAbsatzCitation()
    {
        var result = CitationVerifier.Verify("Privilegiert sind Vorhaben, die „der gartenbaulichen Erzeugung dient“ oder „der Erforschung, Entwicklung oder Nutzung der Wind- oder Wasserenergie dient“ [1].", Sources);

        var citation = Assert.Single(result.Citations);
        Assert.Null(citation.PreciseCitation);
        Assert.Equal("§ 35 Abs. 1 BauGB", citation.DisplayCitation.ToString());
    }

    [Fact]
    public void Verify_NoSources_EveryMarkerInvalid()
    {
        var result = CitationVerifier.Verify("Das steht in [1].", []);

        Assert.Equal(1, result.Report.InvalidMarkers);
        Assert.Empty(result.Citations);
    }
}
