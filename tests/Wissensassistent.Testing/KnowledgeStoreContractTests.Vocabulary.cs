using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>
/// The vocabulary check query expansion asks for many words per question: every store answers it as a one-term lexical
/// search would, under the reader's access and without repealed passages.
/// </summary>
public abstract partial class KnowledgeStoreContractTests
{
    [Fact]
    public async Task ContainsTerm_OnlyForWordsOfPassagesTheReaderMaySee()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        var restricted = Assert.Single(Analyzer.Query(RestrictedCorpus.PersonalamtOnlyWord).Terms).Term;

        Assert.True(await store.ContainsTermAsync(restricted, RestrictedCorpus.Anna, Ct));
        Assert.False(await store.ContainsTermAsync(restricted, RestrictedCorpus.Ben, Ct));
        Assert.False(await store.ContainsTermAsync(restricted, DocumentAccess.Public, Ct));
        Assert.False(await store.ContainsTermAsync("wortdasnirgendsvorkommt", RestrictedCorpus.Anna, Ct));
    }

    [Fact]
    public async Task ContainsTerm_NotForAWordOnlyARepealedNormHolds()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.False(await store.ContainsTermAsync(Assert.Single(Analyzer.Query("weggefallen").Terms).Term, DocumentAccess.Public, Ct));
    }

    [Fact]
    public async Task ContainsTerm_AgreesWithAOneTermSearch()
    {
        var store = await StoreWithSampleCorpusAsync();
        var terms = Analyzer.Query("Baugenehmigung Außenbereich Vorhaben weggefallen Eigenart Umgebung Gemeinde Hund").Terms.Select(t => t.Term).ToList();

        var known = 0;
        foreach (var term in terms)
        {
            var searched = await store.SearchLexicalAsync(new LexicalQuery([new WeightedTerm(term, 1)]), SearchFilter.None, 1, Ct);
            var contained = await store.ContainsTermAsync(term, DocumentAccess.Public, Ct);
            Assert.Equal(searched.Count > 0, contained);
            known += contained ? 1 : 0;
        }

        Assert.InRange(known, 1, terms.Count - 1);
    }
}
