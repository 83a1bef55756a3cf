using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class EverydayTermsTests
{
    private static readonly ITextAnalyzer Analyzer = GermanAnalyzer.Default;

    private static readonly EverydayVocabulary Vocabulary = new("quarkel\tTrollung\nblubber\tWummsung\n");

    [Fact]
    public async Task Expand_EverydayWordNoPassageHolds_GetsItsLegalTermsAtTheUnknownWordWeight()
    {
        // "Quarkel" is in no passage, "Blubber" is: the first scores nothing itself, the second keeps its say.
        var store = WordFamiliesTests.VocabularyStore.With(("blubb", SampleCorpus.BauGBBatch.Chunks[0]));
        var question = "Quarkel und Blubber?";

        var expanded = await EverydayTerms.ExpandAsync(QueryTerms.FromText(Analyzer, question), question, Analyzer, Vocabulary, new StoreVocabulary(store, DocumentAccess.Public), 0.5, 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, Assert.Single(expanded.Terms, t => t.Term == Analyzer.Analyze("Trollung")[0]).Weight);
        Assert.Equal(0.5, Assert.Single(expanded.Terms, t => t.Term == Analyzer.Analyze("Wummsung")[0]).Weight);
    }

    [Fact]
    public async Task Expand_UnknownWordWeightBelowTheKnownOne_KeepsTheKnownWeight()
    {
        var store = WordFamiliesTests.VocabularyStore.With();

        var expanded = await EverydayTerms.ExpandAsync(QueryTerms.FromText(Analyzer, "Quarkel?"), "Quarkel?", Analyzer, Vocabulary, new StoreVocabulary(store, DocumentAccess.Public), 0.5, 0.2, TestContext.Current.CancellationToken);

        Assert.Equal(0.5, Assert.Single(expanded.Terms, t => t.Term == Analyzer.Analyze("Trollung")[0]).Weight);
    }
}
