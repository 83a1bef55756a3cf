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
}
