using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>The cross-reference resolver on real norms of the corpus, as ingestion runs it (federal catalogue and built-in names).</summary>
public sealed class CrossReferenceCorpusTests
{
    private const string BauGB = "bund/bbaug.md";
    private const string VwVfG = "bund/vwvfg.md";
    private const string SgbX = "bund/sgb_10.md";
    private const string GemOGemeinderat = "land-bw/GemO-BW_TEIL-2_Verfassung-und-Verwaltung-der-Gemeinde_ABSCHNITT-2_Gemeinderat.md";
    private const string Friedhofsatzung = "kommune/GEM-BBO/BBO_Satzung_Friedhof.md";

    private static readonly CrossReferenceResolver Resolver = new(new CitationParser(LawNameResolver.WithBuiltIns(
        LawCatalog.Load(Corpus.Root).Entries.Select(e => new LawInfo(e.CitationAbbreviation, e.Title, [e.JurabkInFile], Core.Documents.Level.Bund, Core.Documents.DocumentType.Gesetz, null, 0)))));

    [Fact]
    public void BauGB34_SameLawAndRelativeReferences_PointIntoTheBauGBAndIntoItself()
    {
        var absatz2 = References(BauGB, "§ 34 Abs. 2 BauGB");
        Assert.Contains(("§ 9a", "§ 9a BauGB", ReferenceBasis.SameLaw), absatz2);
        Assert.Contains(("§ 31 Absatz 1", "§ 31 Abs. 1 BauGB", ReferenceBasis.SameLaw), absatz2);

        var absatz3 = References(BauGB, "§ 34 Abs. 3 BauGB");
        Assert.Contains(("Absatz 1 oder 2", "§ 34 Abs. 1 BauGB", ReferenceBasis.Relative), absatz3);
        Assert.Contains(("Absatz 1 oder 2", "§ 34 Abs. 2 BauGB", ReferenceBasis.Relative), absatz3);

        var absatz3a = References(BauGB, "§ 34 Abs. 3a BauGB");
        Assert.Contains(("Absatz 1 Satz 1", "§ 34 Abs. 1 Satz 1 BauGB", ReferenceBasis.Relative), absatz3a);
        Assert.Contains(("Satz 1", "§ 34 Abs. 3a Satz 1 BauGB", ReferenceBasis.Relative), absatz3a);
        Assert.Contains(("Satzes 1 Nummer 1 Buchstabe b", "§ 34 Abs. 3a Satz 1 Nr. 1 Buchst. b BauGB", ReferenceBasis.Relative), absatz3a);
    }

    [Fact]
    public void BauGB_RangeOfNorms_CitesEveryNumber_AndLinksTheEndToItself()
    {
        var chunk = Annotated(BauGB, "§ 36 Abs. 1 BauGB");
        var range = chunk.References.Where(r => chunk.Text.AsSpan(r.Start, r.Length).SequenceEqual("35")).ToList();

        Assert.Equal(["31", "33", "34", "35"], chunk.References.Where(r => r.Target.Law == "BauGB").Select(r => r.Target.Section).Take(4).Order());
        Assert.Equal("35", range[0].Target.Section);
    }

    [Fact]
    public void VwVfG_SameLawAndRelativeRange()
    {
        Assert.Contains(("§ 48 Abs. 3 Satz 3", "§ 48 Abs. 3 Satz 3 VwVfG", ReferenceBasis.SameLaw), References(VwVfG, "§ 49 Abs. 6 VwVfG"));

        var absaetze = References(VwVfG, "§ 34 Abs. 4 VwVfG").Where(r => r.Text == "Absätze 1 bis 3").Select(r => r.Target);
        Assert.Equal(["§ 34 Abs. 1 VwVfG", "§ 34 Abs. 2 VwVfG", "§ 34 Abs. 3 VwVfG"], absaetze);
    }

    [Fact]
    public void SgbX_BookOfTheSocialCode_NamedWithoutSozialgesetzbuch_IsThatBook()
    {
        var references = Annotated(SgbX, "§ 67a Abs. 1 SGB X").References;

        Assert.Contains(references, r => r.Target.ToString() == "§ 35 SGB I" && r.Basis == ReferenceBasis.Explicit);
    }

    [Fact]
    public void GemO_RelativeAbsaetze_AndSameLawNorm()
    {
        var references = References(GemOGemeinderat, "§ 24 Abs. 5 GemO");

        Assert.Contains(("Absätze 3 und 4", "§ 24 Abs. 3 GemO", ReferenceBasis.Relative), references);
        Assert.Contains(("Absätze 3 und 4", "§ 24 Abs. 4 GemO", ReferenceBasis.Relative), references);
        Assert.Contains(("§ 44 Abs. 3 Satz 3", "§ 44 Abs. 3 Satz 3 GemO", ReferenceBasis.SameLaw), references);
    }

    [Fact]
    public void BadBollSatzung_EnactingFormula_NamesItsLawsByTitle_AndItsOwnNormsByNumber()
    {
        var formula = Annotated(Friedhofsatzung, "Friedhofsatzung Bad Boll, Eingangsformel").References.Select(r => r.Target.ToString()).ToList();
        Assert.Contains("§ 4 GemO", formula);
        Assert.Contains("§ 11 GemO", formula);
        Assert.Contains("§ 13 KAG", formula);

        // Outside the names known: kept as written, so that it shows as a law outside the corpus.
        Assert.Contains("§ 12 Abs. 2 Bestattungsgesetz", formula);
        Assert.Contains(("§ 31 Abs. 1 Bestattungsgesetz", "§ 31 Abs. 1 Bestattungsgesetz", ReferenceBasis.Explicit), References(Friedhofsatzung, "§ 11 Abs. 1 Friedhofsatzung Bad Boll"));

        var own = References(Friedhofsatzung, "§ 4 Abs. 5 Friedhofsatzung Bad Boll");
        Assert.Contains(("Absätze 3 und 4", "§ 4 Abs. 3 Friedhofsatzung Bad Boll", ReferenceBasis.Relative), own);
        Assert.Contains(References(Friedhofsatzung, "§ 1 Abs. 1 Friedhofsatzung Bad Boll"), r => r.Target == "§ 12 Friedhofsatzung Bad Boll" && r.Basis == ReferenceBasis.SameLaw);
    }

    [Fact]
    public void Chains_TakeTheLawOfTheJoinedCitation_ForwardAndBackward()
    {
        // Forward: "§ 42a und §§ 71a bis 71e des Landesverwaltungsverfahrensgesetzes".
        var friedhof = References(Friedhofsatzung, "§ 4 Abs. 6 Friedhofsatzung Bad Boll");
        Assert.Contains(("§ 42a", "§ 42a LVwVfG", ReferenceBasis.Chain), friedhof);
        Assert.Contains(friedhof, r => r.Target == "§ 71c LVwVfG");

        // Forward: "Gemäß § 4 i.V.m. § 142 der Gemeindeordnung für Baden-Württemberg (GemO)".
        var formula = Resolver.Annotate(Corpus.Parse("kommune/GEM-BBO/BBO_Satzung_Benutzung_Gruenmassesammelplatz.md").Batch.Chunks)
            .First(c => c.Text.Contains("Gemäß § 4 i.V.m. § 142", StringComparison.Ordinal));
        Assert.Contains(formula.References, r => r.Target.ToString() == "§ 4 GemO" && r.Basis == ReferenceBasis.Chain);
        Assert.Contains(formula.References, r => r.Target.ToString() == "§ 142 GemO" && r.Basis == ReferenceBasis.Explicit);

        // "Die Vorschriften des Dritten Buches über … (§ 330 Absatz 2 …); § 335 … in Verbindung mit Absatz 1 Satz 1":
        // the law named at the head of the sentence, and an Absatz after "in Verbindung mit" of the norm just cited.
        var sgbII = References("bund/sgb_2.md", "§ 40 Abs. 2 SGB II");
        Assert.Contains(sgbII, r => r.Target == "§ 330 Abs. 2 SGB III" && r.Basis == ReferenceBasis.Chain);
        Assert.Contains(sgbII, r => r.Text == "Absatz 1 Satz 1" && r.Target == "§ 335 Abs. 1 Satz 1 SGB III" && r.Basis == ReferenceBasis.Chain);
        Assert.DoesNotContain(sgbII, r => r.Target.EndsWith("SGB II", StringComparison.Ordinal));

        // Backward: a norm without a law after "i. V. m." keeps the law before it.
        var text = "Die Entschädigung richtet sich nach § 19 GemO i. V. m. § 5 Abs. 2; § 3 gilt entsprechend.";
        var references = Resolver.Resolve(text, new ReferenceContext(new Citation("Entschädigungssatzung Bad Boll", NormKind.Paragraph, "4", "1")));
        Assert.Equal(
            ["§ 19 GemO Explicit", "§ 5 Abs. 2 GemO Chain", "§ 3 Entschädigungssatzung Bad Boll SameLaw"],
            references.Select(r => $"{r.Target} {r.Basis}"));
    }

    [Fact]
    public void UnclearLaws_AndNumbersOfOtherThings_AreLeftOut()
    {
        var context = new ReferenceContext(new Citation("Friedhofsatzung Bad Boll", NormKind.Paragraph, "9", "2"));

        var references = Resolver.Resolve(
            "Es gilt § 5 der Satzung über die Erhebung von Gebühren sowie Nummer 3 der Anlage; veröffentlicht in BGBl. I S. 3634 und GBl. Nr. 12.",
            context);

        Assert.Empty(references);
    }

    [Fact]
    public void AnAmountAfterAnAbsatz_IsNoFurtherAbsatz()
    {
        // § 89a Abs. 7 AO: "im Sinne des Absatzes 1 sowie 15 000 Euro" once read as Absätze 1 and 15.
        var references = References("bund/ao_1977.md", "§ 89a Abs. 7 AO");

        Assert.DoesNotContain(references, r => r.Target.StartsWith("§ 89a Abs. 15", StringComparison.Ordinal));
        Assert.Contains(references, r => r.Target == "§ 89a Abs. 1 AO");
    }

    private static Chunk Annotated(string file, string citation)
    {
        var chunks = Resolver.Annotate(Corpus.Parse(file).Batch.Chunks).Where(c => c.Citation.ToString() == citation).ToList();
        Assert.NotEmpty(chunks);
        return chunks[0] with { References = [.. chunks.SelectMany(c => c.References)] };
    }

    private static List<(string Text, string Target, ReferenceBasis Basis)> References(string file, string citation)
    {
        var chunks = Resolver.Annotate(Corpus.Parse(file).Batch.Chunks).Where(c => c.Citation.ToString() == citation).ToList();
        Assert.NotEmpty(chunks);
        return [.. chunks.SelectMany(c => c.References.Select(r => (c.Text.Substring(r.Start, r.Length), r.Target.ToString(), r.Basis)))];
    }
}
