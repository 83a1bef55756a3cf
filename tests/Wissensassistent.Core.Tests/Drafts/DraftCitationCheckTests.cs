using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Tests.Drafts;

public sealed class DraftCitationCheckTests
{
    private const string Absatz1 = "(1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen und die ausreichende Erschließung gesichert ist.";
    private const string Absatz2 = "(2) Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt.";
    private const string Bekanntgabe = "(2) Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am vierten Tag nach der Aufgabe zur Post als bekannt gegeben.";
    private const string BekanntgabeBund = "(2) Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am dritten Tag nach der Aufgabe zur Post als bekannt gegeben.";

    /// <summary>A Bescheid made for the test: right, wrong, repealed and displaced citations, one altered quotation.</summary>
    private const string Draft = """
        Ablehnung des Bauantrags vom 3. März 2025

        Das Vorhaben liegt im Außenbereich. Nach § 35 Abs. 2 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt“.

        Nach § 35 Abs. 1 BauGB ist ein Vorhaben im Außenbereich „stets zulässig, wenn öffentliche Belange nicht entgegenstehen“.

        Eine Veränderungssperre nach § 20 BauGB besteht nicht. Ein Anspruch aus § 35c BauGB besteht ebenfalls nicht.

        Der Bescheid gilt nach § 41 Abs. 2 VwVfG am vierten Tag nach der Aufgabe zur Post als bekannt gegeben.
        """;

    private static DraftCitationCheck Check()
    {
        var store = new NormStore()
            .Add("BauGB", Level.Bund, "bund/bbaug.md", "20", null, "(weggefallen)", repealed: true)
            .Add("BauGB", Level.Bund, "bund/bbaug.md", "35", "1", Absatz1)
            .Add("BauGB", Level.Bund, "bund/bbaug.md", "35", "2", Absatz2)
            .Add("BauGB", Level.Bund, "bund/bbaug.md", "36", "1", "(1) Über die Zulässigkeit von Vorhaben wird im Einvernehmen mit der Gemeinde entschieden.")
            .Add("VwVfG", Level.Bund, "bund/vwvfg.md", "41", "2", BekanntgabeBund)
            .Add("LVwVfG", Level.Land, "land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md", "41", "2", Bekanntgabe)
            .Add("SGB II", Level.Bund, "bund/sgb_2.md", "7", "1", "(1) Leistungen nach diesem Buch erhalten Personen, die erwerbsfähig und hilfebedürftig sind.")
            .Add("SGB X", Level.Bund, "bund/sgb_10.md", "37", "2", "(2) Ein schriftlicher Verwaltungsakt, der im Inland übermittelt wird, gilt am vierten Tag nach der Aufgabe zur Post als bekannt gegeben.");
        var laws = new LawDirectory(store);
        return new DraftCitationCheck(store, laws, new NormLookup(store, laws), ApplicableLaw.Default);
    }

    private static async Task<DraftCheckReport> CheckDraftAsync(string draft = Draft) =>
        await Check().CheckAsync(draft, Core.Storage.DocumentAccess.Public, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Draft_ListsEveryCitation_InOrder_WithItsStatus()
    {
        var report = await CheckDraftAsync();

        Assert.Equal(
            [
                ("§ 35 Abs. 2 BauGB", DraftCitationStatus.Resolved),
                ("§ 35 Abs. 1 BauGB", DraftCitationStatus.Resolved),
                ("§ 20 BauGB", DraftCitationStatus.Repealed),
                ("§ 35c BauGB", DraftCitationStatus.NotFound),
                ("§ 41 Abs. 2 VwVfG", DraftCitationStatus.Displaced),
            ],
            report.Citations.Select(c => (c.FormattedCitation, c.Status)));
        Assert.True(report.HasFindings);
    }

    [Fact]
    public async Task ResolvedCitation_CarriesTheExactPassage_ItsStandAndSource_AndItsLine()
    {
        var report = await CheckDraftAsync();

        var first = report.Citations[0];
        Assert.Equal("§ 35 Abs. 2 BauGB", first.Written);
        Assert.Equal(3, first.Line);
        Assert.Equal([Absatz2], first.Lookup.Passage.Select(c => c.Text));
        Assert.Equal("Stand BauGB", first.Lookup.Stand);
        Assert.Equal("bund/bbaug.md", first.Lookup.Source);
        Assert.Null(first.Displacement);
    }

    [Fact]
    public async Task WrongCitation_IsNotFound_AndNamesTheNearestNorms()
    {
        var report = await CheckDraftAsync();

        var wrong = Assert.Single(report.Citations, c => c.Status == DraftCitationStatus.NotFound);
        Assert.Equal("nicht gefunden", wrong.StatusLabel);
        Assert.Contains("§ 35 BauGB", wrong.Lookup.Suggestions);
        Assert.Contains("§ 36 BauGB", wrong.Lookup.Suggestions);
    }

    [Fact]
    public async Task RepealedNorm_IsWeggefallen()
    {
        var report = await CheckDraftAsync();

        var repealed = Assert.Single(report.Citations, c => c.Status == DraftCitationStatus.Repealed);
        Assert.Equal("§ 20 BauGB", repealed.FormattedCitation);
        Assert.Equal("weggefallen", repealed.StatusLabel);
        Assert.True(repealed.Lookup.IsRepealed);
    }

    [Fact]
    public async Task FederalVwVfG_WhereTheLVwVfGGoverns_IsDisplacedByStateLaw_WithItsParallel()
    {
        var report = await CheckDraftAsync();

        var displaced = Assert.Single(report.Citations, c => c.Status == DraftCitationStatus.Displaced);
        Assert.Equal("§ 41 Abs. 2 VwVfG", displaced.FormattedCitation);
        Assert.True(displaced.Lookup.Found);
        var parallel = Assert.IsType<DisplacedParallel>(displaced.Displacement);
        Assert.Equal("LVwVfG", parallel.Applies);
        Assert.Equal("§ 41 Abs. 2 LVwVfG", parallel.Parallel);
        Assert.Equal("verdrängt durch Landesrecht (LVwVfG)", displaced.StatusLabel);
        Assert.Contains("gilt das LVwVfG", parallel.Note, StringComparison.Ordinal);
        Assert.Equal("Wortlaut im LVwVfG: „vierten“ statt „dritten“", parallel.WordingNote);
    }

    [Fact]
    public async Task StateProcedureLaw_InASocialBenefitMatter_IsDisplacedBySgbX_OnlyWhenTheDraftCitesSuchALaw()
    {
        var social = await CheckDraftAsync("Der Antrag auf Leistungen nach § 7 Abs. 1 SGB II wird abgelehnt. Der Bescheid gilt nach § 41 Abs. 2 LVwVfG als bekannt gegeben.");
        var plain = await CheckDraftAsync("Der Bescheid gilt nach § 41 Abs. 2 LVwVfG als bekannt gegeben.");

        var displaced = social.Citations[1];
        Assert.Equal(DraftCitationStatus.Displaced, displaced.Status);
        Assert.Equal("verdrängt durch SGB X", displaced.StatusLabel);
        Assert.False(displaced.Displacement!.IsStateLaw);
        Assert.Equal(DraftCitationStatus.Resolved, Assert.Single(plain.Citations).Status);
    }

    [Fact]
    public async Task Quotations_VerbatimOneIsFound_AlteredOneShowsTheChangedWord()
    {
        var report = await CheckDraftAsync();

        Assert.Equal(2, report.Quotations.Count);
        var verbatim = report.Quotations[0];
        Assert.Equal(DraftQuotationStatus.Verbatim, verbatim.Status);
        Assert.Equal(0, verbatim.CitationIndex);
        Assert.Equal("§ 35 Abs. 2 BauGB", verbatim.FoundIn);

        var altered = report.Quotations[1];
        Assert.Equal(DraftQuotationStatus.Altered, altered.Status);
        Assert.Equal(1, altered.CitationIndex);
        var difference = Assert.Single(altered.Differences);
        Assert.Equal(new QuotationDifference("stets", "nur"), difference);
        Assert.Equal("Zitat abweichend: „stets“ statt „nur“", altered.Summary);
        Assert.Equal("nur zulässig, wenn öffentliche Belange nicht entgegenstehen", altered.PassageWording);
        Assert.Equal(1, report.DeviatingQuotations);
    }

    [Fact]
    public async Task Quotation_FromAnotherAbsatzOfTheCitedNorm_SaysWhereItStands()
    {
        var report = await CheckDraftAsync("Gemäß § 35 Abs. 1 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden“.");

        var quotation = Assert.Single(report.Quotations);
        Assert.Equal(DraftQuotationStatus.InOtherPassage, quotation.Status);
        Assert.Equal("§ 35 Abs. 2 BauGB", quotation.FoundIn);
    }

    [Fact]
    public async Task Quotation_BeforeItsCitationInBrackets_BelongsToThatCitation()
    {
        var report = await CheckDraftAsync("Nach § 36 BauGB entscheidet die Behörde. Vorhaben sind „nur zulässig, wenn öffentliche Belange nicht entgegenstehen“ (§ 35 Abs. 1 BauGB).");

        var quotation = Assert.Single(report.Quotations);
        Assert.Equal(DraftQuotationStatus.Verbatim, quotation.Status);
        Assert.Equal("§ 35 Abs. 1 BauGB", report.Citations[quotation.CitationIndex!.Value].FormattedCitation);
    }

    [Fact]
    public async Task Quotation_NotTakenFromThePassage_IsNotInPassage_AndWithoutCitation_IsNotChecked()
    {
        var report = await CheckDraftAsync("Nach § 35 Abs. 1 BauGB gilt „etwas völlig anderes als im Gesetz“.\n\nDer Antragsteller nennt das „reine Formsache“.");

        Assert.Equal([DraftQuotationStatus.NotInPassage, DraftQuotationStatus.NoCitation], report.Quotations.Select(q => q.Status));
    }

    [Fact]
    public async Task CitationWithoutLaw_TakesTheLawOfTheCitationBefore()
    {
        var report = await CheckDraftAsync("Das Vorhaben ist nach § 35 Abs. 1 BauGB unzulässig; auch § 36 hilft nicht weiter.");

        var second = report.Citations[1];
        Assert.True(second.LawFromContext);
        Assert.Equal("§ 36 BauGB", second.FormattedCitation);
        Assert.Equal(DraftCitationStatus.Resolved, second.Status);
    }

    [Fact]
    public async Task CitationWithoutAnyLaw_IsNotFound_WithAGermanReason()
    {
        var report = await CheckDraftAsync("Die Frist nach § 5 Abs. 1 ist abgelaufen.");

        var citation = Assert.Single(report.Citations);
        Assert.Equal(DraftCitationStatus.NotFound, citation.Status);
        Assert.Contains("nennt kein Gesetz", citation.Lookup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanDraft_HasNoFindings()
    {
        var report = await CheckDraftAsync("Nach § 41 Abs. 2 LVwVfG gilt der Bescheid „am vierten Tag nach der Aufgabe zur Post als bekannt gegeben“.");

        Assert.False(report.HasFindings);
        Assert.Equal(DraftCitationStatus.Resolved, Assert.Single(report.Citations).Status);
        Assert.Equal(1, report.VerbatimQuotations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task EmptyDraft_IsRejectedInGerman(string draft)
    {
        var rejected = await Assert.ThrowsAsync<DraftRejectedException>(() => CheckDraftAsync(draft));

        Assert.Contains("Der Entwurf ist leer", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongDraft_IsRejectedInGerman_WithoutQuotingIt()
    {
        var draft = new string('x', DraftCitationCheck.MaxCharacters + 1);

        var rejected = await Assert.ThrowsAsync<DraftRejectedException>(() => CheckDraftAsync(draft));

        Assert.Contains("zu lang", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", rejected.Message, StringComparison.Ordinal);
    }
}
