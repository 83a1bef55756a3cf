using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class CitationParserTests
{
    private static readonly CitationParser Parser = new(TestLaws.Resolver);
    private static readonly CitationParser WithoutResolver = new();

    private static string Formatted(IEnumerable<Citation> citations) => string.Join(" | ", citations.Select(CitationFormatter.Format));

    [Theory]
    [InlineData("§35 Abs 1 BauGB", "§ 35 Abs. 1 BauGB")]
    [InlineData("§ 35 Abs. 1 Nr. 4 BauGB", "§ 35 Abs. 1 Nr. 4 BauGB")]
    [InlineData("35 baugb", "§ 35 BauGB")]
    [InlineData("Art. 3 GG", "Art. 3 GG")]
    [InlineData("Art 20 Abs. 3 GG", "Art. 20 Abs. 3 GG")]
    [InlineData("Artikel 20 Absatz 3 Grundgesetz", "Art. 20 Abs. 3 GG")]
    [InlineData("20 GG", "Art. 20 GG")]
    [InlineData("§§ 48, 49 VwVfG", "§ 48 VwVfG | § 49 VwVfG")]
    [InlineData("§§ 1-3 BGB", "§ 1 BGB | § 2 BGB | § 3 BGB")]
    [InlineData("§§ 1 bis 3 BGB", "§ 1 BGB | § 2 BGB | § 3 BGB")]
    [InlineData("§§ 573a bis 573c BGB", "§ 573a BGB | § 573b BGB | § 573c BGB")]
    [InlineData("§§ 1 bis 100 BGB", "§ 1 BGB | § 100 BGB")]
    [InlineData("§ 48 f. VwVfG", "§ 48 VwVfG | § 49 VwVfG")]
    [InlineData("§ 48 ff. VwVfG", "§ 48 VwVfG")]
    [InlineData("§ 24 GemO", "§ 24 GemO")]
    [InlineData("§ 4 der Gemeindeordnung", "§ 4 GemO")]
    [InlineData("§ 573b BGB", "§ 573b BGB")]
    [InlineData("§ 573B bgb", "§ 573b BGB")]
    [InlineData("§ 35 Absatz 2 Satz 1 BauGB", "§ 35 Abs. 2 Satz 1 BauGB")]
    [InlineData("§ 35 Abs. 2 S. 1 Nr. 3 Buchst. a BauGB", "§ 35 Abs. 2 Satz 1 Nr. 3 Buchst. a BauGB")]
    [InlineData("§ 35 Abs. 1 und 2 BauGB", "§ 35 Abs. 1 BauGB | § 35 Abs. 2 BauGB")]
    [InlineData("§ 35 BauGB Abs. 2", "§ 35 Abs. 2 BauGB")]
    [InlineData("§ 5 Hundesteuersatzung Bad Boll", "§ 5 Hundesteuersatzung Bad Boll")]
    [InlineData("§ 5 Hundesteuersatzung", "§ 5 Hundesteuersatzung Bad Boll")]
    [InlineData("Richtlinie Ehrungen Bad Boll, Nr. 2.1", "Richtlinie Ehrungen Bad Boll, Nr. 2.1")]
    [InlineData("Richtlinie Ehrungen Bad Boll Nr. 2.1", "Richtlinie Ehrungen Bad Boll, Nr. 2.1")]
    [InlineData("SGB X § 44", "§ 44 SGB X")]
    [InlineData("§ 44 SGB X", "§ 44 SGB X")]
    [InlineData("§ 44 SGBX", "§ 44 SGB X")]
    [InlineData("§ 44 SGB 10", "§ 44 SGB X")]
    [InlineData("§ 44 Zehntes Buch Sozialgesetzbuch", "§ 44 SGB X")]
    [InlineData("Baugesetzbuch § 35", "§ 35 BauGB")]
    [InlineData("BBauG § 35", "§ 35 BauGB")]
    [InlineData("des Bürgerlichen Gesetzbuchs § 573", "§ 573 BGB")]
    [InlineData("Paragraph 35 Baugesetzbuch", "§ 35 BauGB")]
    [InlineData("§ 5 Abs. 1", "§ 5 Abs. 1")]
    public void Parse_TypedCitation_FormatsTheLawyersWay(string input, string expected)
    {
        Assert.Equal(expected, Formatted(Parser.Parse(input)));
    }

    [Theory]
    [InlineData("§35 Abs 1 BauGB", "§ 35 Abs. 1 BauGB")]
    [InlineData("Art 20 Abs. 3 GG", "Art. 20 Abs. 3 GG")]
    [InlineData("§§ 48, 49 VwVfG", "§ 48 VwVfG | § 49 VwVfG")]
    [InlineData("§ 44 SGB X", "§ 44 SGB X")]
    [InlineData("SGB X § 44", "§ 44 SGB X")]
    [InlineData("§ 5 Hundesteuersatzung Bad Boll", "§ 5 Hundesteuersatzung Bad Boll")]
    [InlineData("Richtlinie Ehrungen Bad Boll, Nr. 2.1", "Richtlinie Ehrungen Bad Boll, Nr. 2.1")]
    [InlineData("35 baugb", "§ 35 baugb")]
    [InlineData("20 GG", "Art. 20 GG")]
    public void Parse_WithoutResolver_KeepsTheLawAsWritten(string input, string expected)
    {
        Assert.Equal(expected, Formatted(WithoutResolver.Parse(input)));
    }

    [Fact]
    public void Parse_ReturnsStructuredCitation()
    {
        var citation = Assert.Single(Parser.Parse("§ 573b Abs. 2 Satz 1 Nr. 3 Buchst. a BGB"));

        Assert.Equal(new Citation("BGB", NormKind.Paragraph, "573b", "2", 1, "3", "a"), citation);
    }

    [Fact]
    public void Parse_WithoutLaw_LeavesLawEmptyForTheCaller()
    {
        var citation = Assert.Single(Parser.Parse("§ 5 Abs. 1"));

        Assert.Equal(string.Empty, citation.Law);
        Assert.Equal("5", citation.Section);
        Assert.Equal("1", citation.Absatz);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hallo")]
    [InlineData("Baugesetzbuch")]
    [InlineData("Wann darf ich bauen?")]
    public void Parse_NoCitation_ReturnsEmpty(string input)
    {
        Assert.Empty(Parser.Parse(input));
    }

    [Theory]
    [InlineData("§35 Abs 1 BauGB")]
    [InlineData("art 20 abs 3 gg")]
    [InlineData("§§ 48, 49 VwVfG")]
    [InlineData("SGB X § 44")]
    [InlineData("Richtlinie Ehrungen Bad Boll Nr. 2.1")]
    public void Parse_OfFormatted_IsStable(string input)
    {
        var once = Parser.Parse(input);
        var twice = Parser.Parse(Formatted(once).Split(" | ")[0]);

        Assert.Equal(once[0], twice[0]);
    }

    [Theory]
    [InlineData("Was regelt § 34 BauGB zum Einfügen?", "§ 34 BauGB", "§ 34 BauGB")]
    [InlineData("Darf die Gemeinde nach Art. 28 GG Steuern erheben?", "Art. 28 GG", "Art. 28 GG")]
    [InlineData("Wie ist 35 baugb auszulegen?", "§ 35 BauGB", "35 baugb")]
    [InlineData("Steht das in BauGB 35?", "§ 35 BauGB", "BauGB 35")]
    [InlineData("Was sagt § 4 der Gemeindeordnung?", "§ 4 GemO", "§ 4 der Gemeindeordnung")]
    [InlineData("Gilt § 44 SGB X auch hier?", "§ 44 SGB X", "§ 44 SGB X")]
    [InlineData("Wie viel zahlt man nach § 5 Hundesteuersatzung Bad Boll?", "§ 5 Hundesteuersatzung Bad Boll", "§ 5 Hundesteuersatzung Bad Boll")]
    [InlineData("Was steht in Richtlinie Ehrungen Bad Boll, Nr. 2.1?", "Richtlinie Ehrungen Bad Boll, Nr. 2.1", "Richtlinie Ehrungen Bad Boll, Nr. 2.1")]
    public void FindAll_InAQuestion_FindsTheNormAndItsSpan(string question, string citation, string span)
    {
        var match = Assert.Single(Parser.FindAll(question));

        Assert.Equal(citation, CitationFormatter.Format(match.Citation));
        Assert.Equal(span, question.Substring(match.Start, match.Length));
        Assert.True(match.IsLawResolved);
    }

    [Fact]
    public void FindAll_List_GivesEachNormTheWholeSpan()
    {
        const string text = "Nach §§ 2, 8 Abs. 2 und 9 Abs. 3 des KAG erhebt die Gemeinde";

        var matches = Parser.FindAll(text);

        Assert.Equal(["§ 2 KAG", "§ 8 Abs. 2 KAG", "§ 9 Abs. 3 KAG"], matches.Select(m => CitationFormatter.Format(m.Citation)));
        Assert.All(matches, m => Assert.Equal("§§ 2, 8 Abs. 2 und 9 Abs. 3 des KAG", text.Substring(m.Start, m.Length)));
    }

    [Theory]
    [InlineData("§ 35 i.V.m. § 34 BauGB")]
    [InlineData("§ 35 und § 34 BauGB")]
    [InlineData("§ 35, § 34 BauGB")]
    public void FindAll_JoinedReferences_ShareTheLaw(string text)
    {
        var matches = Parser.FindAll(text);

        Assert.Equal(["§ 35 BauGB", "§ 34 BauGB"], matches.Select(m => CitationFormatter.Format(m.Citation)));
    }

    [Fact]
    public void FindAll_LawOfAnEarlierReference_DoesNotCarryForward()
    {
        var matches = Parser.FindAll("§ 44 SGB X. Dann gilt § 45.");

        Assert.Equal(["§ 44 SGB X", "§ 45"], matches.Select(m => CitationFormatter.Format(m.Citation)));
        Assert.False(matches[1].HasLaw);
    }

    [Fact]
    public void FindAll_UnknownAbbreviation_IsKeptAsWrittenButNotResolved()
    {
        var match = Assert.Single(Parser.FindAll("Verstößt das gegen § 8 WaffG?"));

        Assert.Equal(new Citation("WaffG", NormKind.Paragraph, "8"), match.Citation);
        Assert.False(match.IsLawResolved);
    }

    [Theory]
    [InlineData("Am 1. Januar 2020 wurde die Satzung geändert.")]
    [InlineData("Die Gebühr beträgt 165,00 € je Hund.")]
    [InlineData("Gilt das BauGB 2017 noch?")]
    [InlineData("Satzung vom 14.11.2024 für 3 Hunde")]
    [InlineData("Die Art der baulichen Nutzung ist festgesetzt.")]
    [InlineData("Seit 2017 gilt das BauGB.")]
    [InlineData("Wie ist 35 Tage Frist zu berechnen?")]
    [InlineData("Leistungen nach dem SGB X 12 Monate lang")]
    [InlineData("Nach dem BauGB 15 % der Fläche")]
    public void FindAll_DatesAmountsAndCounts_AreNoCitations(string text)
    {
        Assert.Empty(Parser.FindAll(text));
    }

    [Fact]
    public void FindAll_BareNumberWithoutKnownLaw_IsNoCitation()
    {
        Assert.Empty(WithoutResolver.FindAll("Wie ist 35 baugb auszulegen?"));
        Assert.Empty(Parser.FindAll("Wie ist 35 XYZG auszulegen?"));
    }

    [Fact]
    public void FindAll_SectionWithoutLaw_IsReturnedWithEmptyLaw()
    {
        var match = Assert.Single(Parser.FindAll("Die Frist nach § 5 Abs. 1 beträgt einen Monat."));

        Assert.Equal(new Citation(string.Empty, NormKind.Paragraph, "5", "1"), match.Citation);
        Assert.False(match.HasLaw);
        Assert.False(match.IsLawResolved);
    }

    [Fact]
    public void FindAll_OverAStatute_ReadsEveryReferenceAsAValidSection()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "bund", "vwvfg.md"));

        var matches = Parser.FindAll(text);

        Assert.True(matches.Count > 100, $"only {matches.Count} references");
        Assert.All(matches, m => Assert.Matches("^[0-9]{1,4}[a-z]{0,2}$", m.Citation.Section));
        Assert.All(matches, m => Assert.StartsWith(m.Citation.Kind == NormKind.Article ? "Art" : "§", text.Substring(m.Start, m.Length), StringComparison.Ordinal));
    }
}
