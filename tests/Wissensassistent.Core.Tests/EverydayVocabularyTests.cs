using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class EverydayVocabularyTests
{
    [Fact]
    public void LegalTermsFor_MapsEverydayWordsAndWordBeginnings()
    {
        var vocabulary = new EverydayVocabulary("# Kommentar\nprotokoll*\tNiederschrift\nbeerdigung\tBestattung\n");

        var terms = vocabulary.LegalTermsFor("Wo liegt das Protokollbuch nach der Beerdigung?");

        Assert.Equal("Niederschrift Bestattung", terms);
        Assert.Equal(string.Empty, vocabulary.LegalTermsFor("Sitzungsprotokoll"));
        Assert.Equal("Niederschrift", vocabulary.LegalTermsFor("Protokollführer"));
        Assert.Equal(string.Empty, vocabulary.LegalTermsFor("Bebauungsplan"));
    }

    [Fact]
    public void Default_ShippedListLoads()
    {
        Assert.Contains("Niederschrift", EverydayVocabulary.Default.LegalTermsFor("das Protokoll der Sitzung"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ein 17-Jähriger will zur Feuerwehr.", "Lebensjahr")]
    [InlineData("die Sterbeurkunde seines Großvaters", "Vorfahren")]
    [InlineData("Muss der Mieter den Gehweg räumen?", "Besitzer")]
    [InlineData("oder der Vermieter?", "Eigentümer")]
    [InlineData("Der Entwurf unseres Bebauungsplans", "Bauleitplan")]
    [InlineData("Was kostet ein Angelschein?", "Fischereischein")]
    public void Default_CaseWordsOfAgesRelativesTenancyAndPlans_GetTheStatuteTerm(string question, string legalTerm)
    {
        // Statutes write "das 17. Lebensjahr vollendet", "Vorfahren und Abkömmlinge", "Eigentümer und Besitzer (z.B. Mieter)",
        // and § 1 Abs. 2 BauGB makes Flächennutzungs- and Bebauungsplan the two Bauleitpläne.
        Assert.Contains(legalTerm, EverydayVocabulary.Default.LegalTermsFor(question).Split(' '));
    }
}
