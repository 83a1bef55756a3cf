using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class ThesaurusTests
{
    [Fact]
    public void SynonymsOf_SingleWordMembers_WithoutQualifiersPhrasesOrTheWordItself()
    {
        var thesaurus = new Thesaurus(
        [
            "# Kommentar;Zeile",
            "Notunterkunft;Obdach (geh.);Unterkunft für Wohnungslose;Herberge",
        ]);

        Assert.Equal(["Obdach", "Herberge"], thesaurus.SynonymsOf("notunterkunft"));
        Assert.Equal(["Notunterkunft", "Herberge"], thesaurus.SynonymsOf("Obdach"));
        Assert.Empty(thesaurus.SynonymsOf("Kommentar"));
    }

    [Fact]
    public void SynonymsOf_SetWithManySenses_IsLeftOut()
    {
        var thesaurus = new Thesaurus([string.Join(';', Enumerable.Range(0, 13).Select(i => "Wort" + new string('a', i + 1)))]);

        Assert.Empty(thesaurus.SynonymsOf("Worta"));
    }

    [Fact]
    public void Load_MissingFile_IsEmptyInsteadOfFailing()
    {
        var thesaurus = Thesaurus.Load(Path.Combine(Path.GetTempPath(), "keine-datei-" + Guid.NewGuid().ToString("N") + ".txt"));

        Assert.True(thesaurus.IsEmpty);
        Assert.Empty(thesaurus.SynonymsOf("Obdach"));
    }
}
