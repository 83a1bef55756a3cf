using System.Text;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class GermanAnalyzerTests
{
    private static readonly GermanAnalyzer Analyzer = GermanAnalyzer.Default;

    /// <summary>The word's own term (compound parts follow it).</summary>
    private static string TermOf(string word) => Analyzer.Analyze(word)[0];

    [Theory]
    [InlineData("Baugenehmigungsverfahren", new[] { "Baugenehmigung", "Bau", "Genehmigung", "Verfahren" })]
    [InlineData("Eigenbedarfskündigung", new[] { "Eigenbedarf", "Bedarf", "Kündigung" })]
    [InlineData("Hundesteuersatzung", new[] { "Hundesteuer", "Hund", "Steuer", "Satzung" })]
    [InlineData("Verwaltungsgerichtsordnung", new[] { "Verwaltungsgericht", "Verwaltung", "Gericht", "Ordnung" })]
    [InlineData("Gemeinderat", new[] { "Gemeinde", "Rat" })]
    public void Analyze_Compound_KeepsWholeWordAndAddsItsParts(string compound, string[] parts)
    {
        var terms = Analyzer.Analyze(compound);

        Assert.Equal(GermanStemmer.Stem(GermanNormalizer.Normalize(compound)), terms[0]);
        foreach (var part in parts)
        {
            Assert.Contains(Analyzer.Analyze(part)[0], terms);
        }
    }

    [Theory]
    [InlineData("Verwaltung")]
    [InlineData("Gemeinde")]
    [InlineData("Kosten")]
    [InlineData("Personal")]
    [InlineData("Vorschrift")]
    [InlineData("Einrichtung")]
    public void Analyze_PlainWord_IsNotSplit(string word)
    {
        Assert.Single(Analyzer.Analyze(word));
    }

    [Theory]
    [InlineData("Kündigung", "Kündigungen")]
    [InlineData("Eigenbedarf", "Eigenbedarfs")]
    [InlineData("Vermieter", "Vermieters")]
    [InlineData("Vermieter", "Vermietern")]
    [InlineData("Grundstück", "Grundstücke")]
    [InlineData("Grundstück", "Grundstücks")]
    [InlineData("Gesetz", "Gesetzes")]
    [InlineData("Gemeinde", "Gemeinden")]
    [InlineData("Bebauungsplan", "Bebauungspläne")]
    [InlineData("Verfahren", "Verfahrens")]
    public void Analyze_InflectedForms_ShareOneStem(string word, string inflected)
    {
        Assert.Equal(TermOf(word), TermOf(inflected));
    }

    [Theory]
    [InlineData("aufstellen", "aufzustellen")]
    [InlineData("aufstellen", "aufgestellt")]
    [InlineData("feststellen", "festzustellen")]
    [InlineData("feststellen", "festgestellt")]
    [InlineData("anordnen", "angeordnet")]
    [InlineData("anmelden", "angemeldet")]
    [InlineData("zustellen", "zuzustellen")]
    [InlineData("einreichen", "einzureichen")]
    [InlineData("Auszubildende", "Auszubildenden")]
    public void Analyze_FormsOfASeparableVerb_ShareOneStem(string word, string form)
    {
        // Statutes write "ist … aufzustellen", questions "muss … aufgestellt sein".
        Assert.Equal(TermOf(word), TermOf(form));
    }

    [Fact]
    public void Analyze_ApprenticeAndTrainer_StayApart()
    {
        // "Auszubildende" is a gerundive, not a zu-infinitive of "ausbilden": the BBiG's apprentice, not the trainer.
        Assert.NotEqual(TermOf("Ausbildende"), TermOf("Auszubildende"));
    }

    [Theory]
    [InlineData("Umzugskosten", "umzugskost")]
    [InlineData("Vorzugsweise", "vorzugsweis")]
    [InlineData("Angebot", "angebot")]
    [InlineData("ausgeschlossen", "ausgeschloss")]
    [InlineData("genehmigt", "genehmigt")]
    public void Analyze_WordThatOnlyLooksLikeAVerbForm_KeepsItsStem(string word, string term)
    {
        // "Zug" compounds, a noun of two letters after the infix, a strong participle, no separable particle.
        Assert.Equal(term, TermOf(word));
    }

    [Fact]
    public void Analyze_LightStemming_KeepsNounApartFromVerb()
    {
        Assert.Equal("kundigung", TermOf("Kündigung"));
        Assert.NotEqual(TermOf("Kündigung"), TermOf("kündigen"));
    }

    [Theory]
    [InlineData("Gebühren", "Gebuehren")]
    [InlineData("Gebühren", "GEBÜHREN")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Prüfung", "Pruefung")]
    public void Analyze_FoldsCaseUmlautsAndSharpS(string a, string b)
    {
        Assert.Equal(Analyzer.Analyze(a), Analyzer.Analyze(b));
    }

    [Fact]
    public void Analyze_DecomposedUnicode_EqualsComposed()
    {
        const string text = "Gebühren für die Prüfung der Straße";

        Assert.Equal(Analyzer.Analyze(text), Analyzer.Analyze(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Analyze_SoftHyphen_IsIgnored()
    {
        Assert.Equal(Analyzer.Analyze("Genehmigung"), Analyzer.Analyze("Geneh\u00ADmigung"));
    }

    [Fact]
    public void Analyze_HyphenatedCompound_EmitsPiecesAndWhole()
    {
        var terms = Analyzer.Analyze("Bauleitplan-Entwurf");

        Assert.Contains("bauleitplan", terms);
        Assert.Contains("entwurf", terms);
        Assert.Contains("bauleitplanentwurf", terms);
    }

    [Fact]
    public void Analyze_SuspendedHyphen_KeepsFirstWord()
    {
        var terms = Analyzer.Analyze("Bau- und Planungsrecht");

        Assert.Contains("bau", terms);
        Assert.Contains(TermOf("Planungsrecht"), terms);
        Assert.Contains("recht", terms);
    }

    [Theory]
    [InlineData("Stv. Kommandant")]
    [InlineData("stellv. Kommandant")]
    public void Analyze_AbbreviatedDeputy_IsTheWordItStandsFor(string text)
    {
        Assert.Equal(Analyzer.Analyze("Stellvertreter Kommandant"), Analyzer.Analyze(text));
    }

    [Theory]
    [InlineData("der die das und oder")]
    [InlineData("gemäß sowie bzw. ggf. insbesondere i.V.m.")]
    [InlineData("nicht kein keine ohne")]
    [InlineData("Wer darf wann?")]
    public void Analyze_StopWordsAndLegalFiller_AreDropped(string text)
    {
        Assert.Empty(Analyzer.Analyze(text));
    }

    [Theory]
    [InlineData("Weg", "weg")]
    [InlineData("Waren", "war")]
    public void Analyze_NounsThatLookLikeStopWords_AreKept(string word, string term)
    {
        Assert.Equal(term, TermOf(word));
    }

    [Theory]
    [InlineData("§ 35", new[] { "§35" })]
    [InlineData("§35", new[] { "§35" })]
    [InlineData("§ 573b", new[] { "§573b" })]
    [InlineData("§§ 48, 49", new[] { "§48", "§49" })]
    [InlineData("§§ 48,49", new[] { "§48", "§49" })]
    [InlineData("§§ 1 bis 3", new[] { "§1", "§2", "§3" })]
    [InlineData("§§ 135a-c", new[] { "§135a", "§135b", "§135c" })]
    [InlineData("Art. 20", new[] { "art20" })]
    [InlineData("Art 20", new[] { "art20" })]
    [InlineData("Artikel 20", new[] { "art20" })]
    [InlineData("Paragraph 35", new[] { "§35" })]
    public void Analyze_NormReferences_BecomeNormTerms(string text, string[] expected)
    {
        Assert.Equal(expected, Analyzer.Analyze(text));
    }

    [Fact]
    public void Analyze_NormDetails_StayOrdinaryTerms()
    {
        Assert.Equal(["§35", "abs", "1", "nr", "4", "baugb"], Analyzer.Analyze("§ 35 Abs. 1 Nr. 4 BauGB"));
    }

    [Fact]
    public void Analyze_ArtWithoutNumber_IsTheNoun()
    {
        Assert.Equal(["art", "baulich", "nutzung"], Analyzer.Analyze("Art der baulichen Nutzung"));
    }

    [Theory]
    [InlineData("Abs.", "Absatz")]
    [InlineData("Abs.", "Absätze")]
    [InlineData("Nr.", "Nummer")]
    [InlineData("Nr.", "Ziffer")]
    [InlineData("Buchst.", "Buchstabe")]
    public void Analyze_AbbreviationAndSpelledOutForm_ShareOneTerm(string abbreviation, string word)
    {
        Assert.Equal(TermOf(abbreviation), TermOf(word));
    }

    [Theory]
    [InlineData("Baugesetzbuch", "baugb")]
    [InlineData("nach dem Baugesetzbuch", "baugb")]
    [InlineData("BBauG", "baugb")]
    [InlineData("Bürgerliches Gesetzbuch", "bgb")]
    [InlineData("des Bürgerlichen Gesetzbuchs", "bgb")]
    [InlineData("Gemeindeordnung", "gemo")]
    [InlineData("Verwaltungsverfahrensgesetz", "vwvfg")]
    [InlineData("Grundgesetz", "gg")]
    [InlineData("SGB X", "sgbx")]
    [InlineData("SGB 10", "sgbx")]
    [InlineData("SGBX", "sgbx")]
    [InlineData("Zehntes Buch Sozialgesetzbuch", "sgbx")]
    public void Analyze_LawName_AddsTheAbbreviationTerm(string text, string lawTerm)
    {
        Assert.Contains(lawTerm, Analyzer.Analyze(text));
    }

    [Fact]
    public void Analyze_AbbreviationInText_MatchesTitleInQuery()
    {
        var chunk = Analyzer.Analyze("BauGB › Drittes Kapitel › § 35 Bauen im Außenbereich");
        var query = Analyzer.Analyze("Was sagt das Baugesetzbuch zum Außenbereich?");

        Assert.Contains("baugb", chunk.Intersect(query));
        Assert.Contains(TermOf("Außenbereich"), chunk.Intersect(query));
    }

    [Theory]
    [InlineData("§35 Abs 1 BauGB", new[] { "§35", "baugb" })]
    [InlineData("Art 20 GG", new[] { "art20", "gg" })]
    [InlineData("SGB X § 44", new[] { "§44", "sgbx" })]
    public void Analyze_FormattedNormOfAParsedCitation_GivesNormAndLawTerms(string typed, string[] expected)
    {
        var citation = new Citations.CitationParser(TestLaws.Resolver).Parse(typed)[0];

        var terms = Analyzer.Analyze(Citations.CitationFormatter.FormatNorm(citation));

        Assert.All(expected, term => Assert.Contains(term, terms));
    }

    [Theory]
    [InlineData("165,00 €", "165,00")]
    [InlineData("am 1.1.2020", "1.1.2020")]
    [InlineData("Nr. 2.1", "2.1")]
    public void Analyze_NumbersWithSeparators_StayOneTerm(string text, string number)
    {
        Assert.Contains(number, Analyzer.Analyze(text));
    }

    [Theory]
    [InlineData("in Gemeinden mit nicht mehr als 5 000 Einwohnern")]
    [InlineData("in Gemeinden mit nicht mehr als 5\u00A0000 Einwohnern")]
    [InlineData("in Gemeinden mit nicht mehr als 5.000 Einwohnern")]
    public void Analyze_ThousandsWrittenWithSeparators_IsTheNumberAQuestionTypes(string statute)
    {
        // Statutes group thousands ("5 000"), clerks type "5000": both must be one and the same term.
        Assert.Contains("5000", Analyzer.Analyze(statute));
        Assert.Contains("5000", Analyzer.Analyze("Gemeinde mit 5000 Einwohnern"));
        Assert.DoesNotContain("000", Analyzer.Analyze(statute));
    }

    [Theory]
    [InlineData("Betrag von 1.000,50 Euro", "1000,50")]
    [InlineData("mehr als 400 000 Einwohnern", "400000")]
    [InlineData("10 000 000 Euro", "10000000")]
    public void Analyze_GroupedNumbers_LoseOnlyTheirGrouping(string text, string number)
    {
        Assert.Contains(number, Analyzer.Analyze(text));
    }

    [Theory]
    [InlineData("Anlage 1 1234", "1234")]
    [InlineData("Absatz 2 12 Monate", "12")]
    [InlineData("1234 567", "567")]
    public void Analyze_NumbersThatAreNoThousandsGroups_StayApart(string text, string term)
    {
        // A group needs exactly three digits after the separator and at most three before it.
        Assert.Contains(term, Analyzer.Analyze(text));
    }

    [Fact]
    public void AnalyzeTokens_PartsShareTheWordsPositionAndSurface()
    {
        const string text = "Die Baugenehmigungsverfahren dauern";

        var tokens = GermanAnalyzer.Default.AnalyzeTokens(text);

        var compound = tokens.Where(t => t.Position == 1).ToList();
        Assert.Equal(TokenKind.Word, compound[0].Kind);
        Assert.All(compound.Skip(1), t => Assert.Equal(TokenKind.CompoundPart, t.Kind));
        Assert.All(compound, t => Assert.Equal("Baugenehmigungsverfahren", text.Substring(t.Start, t.Length)));
        Assert.Equal(2, tokens[^1].Position);
    }

    [Fact]
    public void AnalyzeTokens_MarksNormsAndLaws()
    {
        var tokens = GermanAnalyzer.Default.AnalyzeTokens("§ 35 Baugesetzbuch");

        Assert.Contains(tokens, t => t is { Term: "§35", Kind: TokenKind.Norm });
        Assert.Contains(tokens, t => t is { Term: "baugb", Kind: TokenKind.Law });
    }

    [Fact]
    public void Analyze_IsIndependentOfWhatWasAnalysedBefore()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Corpus, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where((_, i) => i % 15 == 0)
            .Select(File.ReadAllText)
            .ToList();
        var warm = new GermanAnalyzer(CompoundDictionary.Default);
        foreach (var file in files)
        {
            warm.Analyze(file);
        }

        var cold = new GermanAnalyzer(CompoundDictionary.Default);
        foreach (var file in Enumerable.Reverse(files))
        {
            Assert.Equal(warm.Analyze(file), cold.Analyze(file));
        }
    }

    [Fact]
    public void Fingerprint_IsStableAndFollowsTheDictionary()
    {
        var same = new GermanAnalyzer(CompoundDictionary.Default);
        var other = new GermanAnalyzer(new CompoundDictionary([new("bau", 5), new("genehmigung", 5)]));

        Assert.Equal(GermanAnalyzer.Default.Fingerprint, same.Fingerprint);
        Assert.NotEqual(GermanAnalyzer.Default.Fingerprint, other.Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", same.Fingerprint);
    }

    [Fact]
    public void Analyze_WithoutDictionary_SplitsNothing()
    {
        var analyzer = new GermanAnalyzer(CompoundDictionary.Empty);

        Assert.Equal(["baugenehmigungsverfahr"], analyzer.Analyze("Baugenehmigungsverfahren"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    [InlineData("… – „“ ( ) ; :")]
    public void Analyze_NoWords_ReturnsNothing(string text)
    {
        Assert.Empty(Analyzer.Analyze(text));
    }
}
