using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>The corpus root's zugriff.tsv: folders to groups, the most specific line wins, a bad line stops the run.</summary>
public sealed class CorpusAccessTests
{
    private const string Sample = """
        # Ordner	Gruppen
        intern	Hauptamt
        intern/personalamt	Personalamt, hauptamt
        intern/personalamt/aushang.md	öffentlich
        kommune/GEM-BBO/BBO_Entwurf.md	kaemmerei
        """;

    [Theory]
    [InlineData("intern/organigramm.md", "hauptamt")]
    [InlineData("intern/personalamt/da.md", "hauptamt,personalamt")]
    [InlineData("intern/personalamt/aushang.md", "")]
    [InlineData("kommune/GEM-BBO/BBO_Entwurf.md", "kaemmerei")]
    [InlineData("kommune/GEM-BBO/BBO_Entwurf.md.bak", "")]
    [InlineData("internes/liste.md", "")]
    [InlineData("bund/baugb.md", "")]
    public void GroupsFor_TheMostSpecificLineWins_AtFolderBoundaries(string path, string expected)
    {
        var access = CorpusAccess.Parse(Sample);

        Assert.Equal(expected, string.Join(',', access.GroupsFor(path)));
    }

    [Theory]
    [InlineData("intern Personalamt", "Tabulator")]
    [InlineData("intern\tpersonalamt\textra", "mehr als zwei Spalten")]
    [InlineData("../etc\tpersonalamt", "ohne „..“")]
    [InlineData("intern\tpersonalamt\nintern\thauptamt", "zweites Mal")]
    [InlineData("intern\töffentlich, personalamt", "zusammen mit Gruppen")]
    public void Parse_UnreadableLine_IsAGermanErrorNamingTheLine(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => CorpusAccess.Parse(text));

        Assert.Contains("zugriff.tsv, Zeile", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadingTab_RestrictsTheWholeRoot()
    {
        Assert.Equal(["personalamt"], CorpusAccess.Parse("\tpersonalamt").GroupsFor("bund/baugb.md"));
    }

    [Fact]
    public void With_WrittenAndReadAgain_KeepsEveryRule()
    {
        var access = CorpusAccess.Parse(Sample).With("kommune/neu.md", ["Kaemmerei"]).With("kommune/GEM-BBO/BBO_Entwurf.md", []);

        var again = CorpusAccess.Parse(access.ToText());

        Assert.Equal(["kaemmerei"], again.GroupsFor("kommune/neu.md"));
        Assert.Empty(again.GroupsFor("kommune/GEM-BBO/BBO_Entwurf.md"));
        Assert.Equal(["hauptamt", "personalamt"], again.GroupsFor("intern/personalamt/x.md"));
        Assert.Empty(again.GroupsFor("intern/personalamt/aushang.md"));
    }

    [Fact]
    public void StoredHash_PublicDocumentsKeepThePlainFileHash()
    {
        Assert.Equal("abc", CorpusAccess.StoredHash("abc", []));
        Assert.NotEqual(CorpusAccess.StoredHash("abc", ["personalamt"]), CorpusAccess.StoredHash("abc", ["kaemmerei"]));
        Assert.Equal(("abc", (IReadOnlyList<string>)["hauptamt", "personalamt"]), CorpusAccess.SplitStoredHash(CorpusAccess.StoredHash("abc", ["hauptamt", "personalamt"])), new StoredHashComparer());
        Assert.Empty(CorpusAccess.SplitStoredHash("abc").Groups);
    }

    private sealed class StoredHashComparer : IEqualityComparer<(string FileHash, IReadOnlyList<string> Groups)>
    {
        public bool Equals((string FileHash, IReadOnlyList<string> Groups) x, (string FileHash, IReadOnlyList<string> Groups) y) =>
            x.FileHash == y.FileHash && x.Groups.SequenceEqual(y.Groups);

        public int GetHashCode((string FileHash, IReadOnlyList<string> Groups) obj) => obj.FileHash.GetHashCode(StringComparison.Ordinal);
    }
}
