using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Tests;

/// <summary>The applicable-law table on the shipped corpus: its legal bases exist, and it decides which parallel is quoted.</summary>
public sealed class ApplicableLawTests(IngestedCorpus corpus)
{
    [Fact]
    public async Task Table_EveryLegalBasisAndLocalBodyExistsInTheCorpus()
    {
        var store = corpus.Services.GetRequiredService<IKnowledgeStore>();
        var parser = await corpus.Services.GetRequiredService<LawDirectory>().GetParserAsync(DocumentAccess.Public, TestContext.Current.CancellationToken);
        var law = corpus.Services.GetRequiredService<ApplicableLaw>();
        Assert.NotEmpty(law.Rules);

        var missing = new List<string>();
        foreach (var basis in law.Rules.SelectMany(rule => rule.Basis))
        {
            var citation = parser.FindAll(basis).Select(m => m.Citation).FirstOrDefault();
            if (citation is null || (await store.GetNormAsync(citation.Law, citation.Section, TestContext.Current.CancellationToken)).Count == 0)
            {
                missing.Add(basis);
            }
        }

        Assert.Empty(missing);
        var laws = (await store.ListLawsAsync(TestContext.Current.CancellationToken)).Select(l => l.Law).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(law.Rules, rule => Assert.Contains(rule.Applies, laws));
        Assert.All(law.Rules, rule => Assert.Contains(rule.Displaced, laws));
    }

    [Fact]
    public async Task Ask_BekanntgabeInBadenWuerttemberg_CitesLVwVfG_NotTheFederalParallel()
    {
        var answers = corpus.Services.GetRequiredService<IAnswerService>();

        var answer = await answers.AskAsync(
            new AnswerRequest("Wann gilt ein schriftlicher Bescheid, den wir mit der Post verschicken, als bekannt gegeben?"),
            TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        var cited = answer.Citations.Select(c => CitationFormatter.FormatNorm(c.Chunk.Citation)).ToList();
        Assert.Contains("§ 41 LVwVfG", cited);
        Assert.DoesNotContain(cited, norm => norm.EndsWith(" VwVfG", StringComparison.Ordinal));
        Assert.Contains("Für Gemeinden in Baden-Württemberg gilt das LVwVfG", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_QuestionNamingTheFederalLaw_KeepsIt()
    {
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Bekanntgabe des Verwaltungsakts nach dem VwVfG", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Contains(result.Hits, hit => hit.Chunk.Citation.Law == "VwVfG");
        Assert.DoesNotContain(result.AppliedRules, rule => rule.Displaced == "VwVfG");
    }

    [Fact]
    public async Task Search_QuestionNamingTheFederalLaw_RanksTheGoverningLandLawAsANamedLawToo()
    {
        // "Gilt das VwZG des Bundes?" asks about the LVwZG as well: it governs in the federal law's place, so its § 11 comes
        // before the Zustellung rules of a law that has nothing to do with a Gemeinde (§ 10 AsylG).
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Wie läuft eine öffentliche Zustellung nach dem Verwaltungszustellungsgesetz des Bundes?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        var landLaw = result.Hits.FirstOrDefault(hit => hit.Chunk.Citation.Law == "LVwZG" && hit.Chunk.Citation.Section == "11");
        var asylum = result.Hits.FirstOrDefault(hit => hit.Chunk.Citation.Law == "AsylG");
        Assert.NotNull(landLaw);
        Assert.True(asylum is null || landLaw.Rank < asylum.Rank, $"§ 11 LVwZG auf Rang {landLaw.Rank}, § 10 AsylG auf Rang {asylum?.Rank}");
    }

    [Fact]
    public async Task Search_ErschliessungsbeitragQuestion_OffersKagNotBauGB()
    {
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Wer schuldet den Erschließungsbeitrag?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Hits, hit => hit.Chunk.Citation.Law == "BauGB" && hit.Chunk.Citation.Section.StartsWith("13", StringComparison.Ordinal));
        Assert.Contains(result.Hits.Take(5), hit => hit.Chunk.Citation.Law == "KAG" || hit.Chunk.DocumentId.StartsWith("kommune/GEM-BBO/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_BekanntgabeInBadenWuerttemberg_RanksLVwVfG41First_AndNoFederalParallel()
    {
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Wann gilt ein Bescheid, den wir mit der Post verschicken, als bekannt gegeben?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal("§ 41 LVwVfG", CitationFormatter.FormatNorm(result.Hits[0].Chunk.Citation));
        Assert.DoesNotContain(result.Hits, hit => hit.Chunk.Citation.Law == "VwVfG");
    }

    [Fact]
    public async Task Search_BekanntgabeOfABescheidByPost_RanksLVwVfG41First_NotTheTaxCodesParallel()
    {
        // § 122 Abs. 2 AO says "dritten Tage" as the old federal text did; a Gemeinde outside its levies works under § 41 LVwVfG.
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Welche Bekanntgabefrist gilt für einen Bescheid, der per Post verschickt wird?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal("§ 41 LVwVfG", CitationFormatter.FormatNorm(result.Hits[0].Chunk.Citation));
        Assert.DoesNotContain(result.Hits, hit => hit.Chunk.Citation.Law == "AO");
        Assert.Contains(result.AppliedRules, rule => rule.Displaced == "AO" && rule.Applies == "LVwVfG");
    }

    [Fact]
    public async Task Search_LateLocalTax_KeepsTheTaxCode()
    {
        // For a local levy the AO applies through § 3 KAG: the rule that puts the LVwVfG first must not hold.
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Welcher Säumniszuschlag fällt an, wenn die Hundesteuer zu spät gezahlt wird?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Contains(result.Hits.Take(5), hit => hit.Chunk.Citation.Law == "AO" && hit.Chunk.Citation.Section == "240");
        Assert.DoesNotContain(result.AppliedRules, rule => rule.Displaced == "AO" && rule.Applies == "LVwVfG");
    }

    [Fact]
    public async Task Search_ZwangsgeldOfTheGemeinde_RanksLVwVG_NotTheZwangsmittelOfTheAO()
    {
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Wie hoch darf ein Zwangsgeld sein, und was gehört in die Androhung?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        var zwangsmittel = Assert.Single(corpus.Services.GetRequiredService<ApplicableLaw>().Rules, rule => rule.Displaced == "AO" && rule.Applies == "LVwVG");
        Assert.Equal("LVwVG", result.Hits[0].Chunk.Citation.Law);
        Assert.DoesNotContain(result.Hits, hit => zwangsmittel.Displaces(hit.Chunk));
        Assert.Contains(zwangsmittel, result.AppliedRules);
    }

    [Fact]
    public async Task LocalBodies_InTheGemeindesFolder_OnlyTheJagdgenossenschaftsSatzungIsAnotherBodys()
    {
        var store = corpus.Services.GetRequiredService<IKnowledgeStore>();
        var law = corpus.Services.GetRequiredService<ApplicableLaw>();
        var others = new List<string>();
        foreach (var info in await store.ListLawsAsync(TestContext.Current.CancellationToken))
        {
            var passage = (await store.ListNormsAsync(info.Law, TestContext.Current.CancellationToken)).FirstOrDefault() is { } norm
                ? (await store.GetNormAsync(info.Law, norm.Citation.Section, TestContext.Current.CancellationToken)).FirstOrDefault()
                : null;
            if (passage is not null && passage.DocumentId.StartsWith("kommune/GEM-BBO/", StringComparison.Ordinal) && law.OtherBody(passage) is not null)
            {
                others.Add(info.Law);
            }
        }

        Assert.Equal(["Satzung Jagdgenossenschaft Bad Boll"], others);
    }

    [Fact]
    public async Task Ask_WhoSignsTheCouncilsMinutes_QuotesTheGemeindesOwnRules_NotTheJagdgenossenschafts()
    {
        var answer = await corpus.Services.GetRequiredService<IAnswerService>().AskAsync(
            new AnswerRequest("Wer unterzeichnet die Niederschrift über eine Sitzung des Gemeinderats?"), TestContext.Current.CancellationToken);

        Assert.False(answer.Refused, answer.Text);
        Assert.DoesNotContain("Jagdgenossenschaft", answer.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("zu unterzeichnen", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }
}
