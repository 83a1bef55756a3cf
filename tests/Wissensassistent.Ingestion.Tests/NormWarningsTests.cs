using System.Text;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>Duplicate § numbers and norm headings without text are kept as they are, but never silently: each gets a warning.</summary>
public sealed class NormWarningsTests
{
    private const string Path = "kommune/GEM-BBO/BBO_Satzung_Friedhof.md";

    private readonly CorpusDocumentParser _parser = new(LawCatalog.Empty, new ChunkingOptions());

    private static readonly string Duplicate = """
        # Satzung über die Benutzung des Friedhofs (Friedhofssatzung)

        ## § 1 Geltungsbereich

        Diese Satzung gilt für den Friedhof der Gemeinde Bad Boll.

        ## § 2 Benutzung

        Der Friedhof steht allen Einwohnern offen.

        ## § 2 Ruhezeiten

        Die Ruhezeit beträgt 20 Jahre.

        ## § 3 Inkrafttreten

        Diese Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.
        """;

    [Fact]
    public void DuplicateParagraphNumber_IsReportedAsWarning_AndBothTextsAreKept()
    {
        var parsed = _parser.Parse(Path, Encoding.UTF8.GetBytes(Duplicate));

        var warning = Assert.Single(parsed.Warnings);
        Assert.Contains("§ 2 kommt in der Datei 2-mal vor", warning, StringComparison.Ordinal);
        Assert.Contains("„§ 2 Benutzung“", warning, StringComparison.Ordinal);
        Assert.Contains("„§ 2 Ruhezeiten“", warning, StringComparison.Ordinal);
        var paragraph2 = parsed.Batch.Chunks.Where(c => c.Citation.Section == "2").ToList();
        Assert.Equal(["Der Friedhof steht allen Einwohnern offen.", "Die Ruhezeit beträgt 20 Jahre."], paragraph2.Select(c => c.Text));
        Assert.Equal(["Benutzung", "Ruhezeiten"], paragraph2.Select(c => c.NormTitle));
    }

    [Fact]
    public void DuplicateParagraphNumber_KeepsChunkIdsStable()
    {
        var first = _parser.Parse(Path, Encoding.UTF8.GetBytes(Duplicate)).Batch.Chunks;
        var second = _parser.Parse(Path, Encoding.UTF8.GetBytes(Duplicate)).Batch.Chunks;

        Assert.Equal(first.Select(c => c.Id), second.Select(c => c.Id));
        Assert.Equal(first.Count, first.Select(c => c.Id).Distinct().Count());
        Assert.All(first, c => Assert.Equal(ChunkId.For(Path, c.Citation, c.Ordinal), c.Id));
    }

    [Fact]
    public void NormHeadingWithoutText_IsReportedAsWarning_AndNoEmptyChunkIsMade()
    {
        const string text = """
            # Satzung über die Benutzung des Friedhofs (Friedhofssatzung)

            ## § 1 Geltungsbereich

            Diese Satzung gilt für den Friedhof der Gemeinde Bad Boll.

            ## § 2 Gebühren

            ## § 3 Inkrafttreten

            Diese Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.

            ## § 4 Schlussbestimmung
            """;

        var parsed = _parser.Parse(Path, Encoding.UTF8.GetBytes(text));

        Assert.Equal(2, parsed.Warnings.Count);
        Assert.Contains("„§ 2 Gebühren“ hat keinen Text", parsed.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("„§ 4 Schlussbestimmung“ hat keinen Text", parsed.Warnings[1], StringComparison.Ordinal);
        Assert.Equal(["1", "3"], parsed.Batch.Chunks.Where(c => c.Citation.Kind == Core.Citations.NormKind.Paragraph).Select(c => c.Citation.Section));
    }

    [Fact]
    public void RepealedNormWithoutText_IsNoWarning()
    {
        const string text = """
            # Satzung über die Benutzung des Friedhofs (Friedhofssatzung)

            ## § 1 Geltungsbereich

            Diese Satzung gilt für den Friedhof der Gemeinde Bad Boll.

            ## § 2 (weggefallen)

            ## § 3 Inkrafttreten

            Diese Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.
            """;

        var parsed = _parser.Parse(Path, Encoding.UTF8.GetBytes(text));

        Assert.Empty(parsed.Warnings);
        Assert.True(Assert.Single(parsed.Batch.Chunks, c => c.Citation.Section == "2").IsRepealed);
    }

    [Fact]
    public void DuplicateArticleInAFederalLaw_IsReported()
    {
        const string text = """
            ---
            Title: Testgesetz
            jurabk: TestG
            slug: testg
            ---

            # Testgesetz (TestG)

            ## Art 1 Ziel

            Dieses Gesetz regelt die Prüfung.

            ## Art 1 Zweck

            Dieses Gesetz dient der Prüfung.
            """;

        var parsed = _parser.Parse("bund/testg.md", Encoding.UTF8.GetBytes(text));

        Assert.Contains(parsed.Warnings, w => w.Contains("Art. 1 kommt in der Datei 2-mal vor", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelStatuteInAnAnnex_StaysTheAnnexText_NotASecondSetOfTheLawsNorms()
    {
        // The AO's Anlage 1 is a model charter with §§ 1 to 5 of its own, under headings one level above the annex's.
        const string text = """
            # Abgabengesetz

            ### § 1 Anwendungsbereich

            Dieses Gesetz gilt für alle Steuern.

            ### § 2 Vorrang

            Verträge gehen vor.

            ### Anlage 1 (Mustersatzung)

            ## § 1

            Der Verein verfolgt ausschließlich gemeinnützige Zwecke.

            ## § 2

            Er ist selbstlos tätig.
            """;

        var parsed = _parser.Parse("bund/abgg.md", Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(parsed.Warnings, w => w.Contains("kommt in der Datei", StringComparison.Ordinal));
        Assert.Equal(["Dieses Gesetz gilt für alle Steuern."], parsed.Batch.Chunks.Where(c => c.Citation.Section == "1").Select(c => c.Text));
        var annex = string.Join("\n", parsed.Batch.Chunks.Where(c => c.Citation.Section.StartsWith("Anlage 1", StringComparison.Ordinal)).Select(c => c.Text));
        Assert.Contains("Der Verein verfolgt ausschließlich gemeinnützige Zwecke.", annex, StringComparison.Ordinal);
        Assert.Contains("Er ist selbstlos tätig.", annex, StringComparison.Ordinal);
    }

    [Fact]
    public void LetterAfterASpace_BeforeTheTitle_BelongsToTheNumber_SoItIsNoDuplicate()
    {
        // "§ 10 a Fragestunde" in the Kreistag's rules of procedure was read as a second § 10.
        const string text = """
            # Geschäftsordnung des Kreistags

            ## § 10 Anfragen

            Jedes Mitglied kann Anfragen stellen.

            ## § 10 a Fragestunde, Anhörung

            Der Kreistag kann eine Fragestunde einrichten.
            """;

        var parsed = _parser.Parse("kommune/LKR-GP/LKR-GP_Geschaeftsordnung.md", Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(parsed.Warnings, w => w.Contains("kommt in der Datei", StringComparison.Ordinal));
        Assert.Equal(["10", "10a"], parsed.Batch.Chunks.Select(c => c.Citation.Section));
        Assert.Equal("Fragestunde, Anhörung", parsed.Batch.Chunks[1].NormTitle);
    }

    [Fact]
    public void NormsMarkedEntfallen_AreRepealed_NotHeadingsWithoutText()
    {
        const string text = """
            # Satzung über die Benutzung des Friedhofs (Friedhofssatzung)

            ## § 1 Geltungsbereich

            Diese Satzung gilt für den Friedhof der Gemeinde Bad Boll.

            ## §§ 2 bis 4 - (entfallen)

            ## § 5 Inkrafttreten

            Diese Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.
            """;

        var parsed = _parser.Parse(Path, Encoding.UTF8.GetBytes(text));

        Assert.Empty(parsed.Warnings);
        Assert.Contains(parsed.Batch.Chunks, c => c.IsRepealed);
    }
}
