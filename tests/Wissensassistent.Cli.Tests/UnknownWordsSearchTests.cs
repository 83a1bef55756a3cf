using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>Thesaurus synonyms and known compound parts stand in for the question's words the corpus lacks, and only for those.</summary>
public sealed class UnknownWordsSearchTests(IngestedCorpus corpus) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Search_WordTheCorpusLacks_FindsThePassagesOfItsSynonym()
    {
        // "Winterdienst" occurs nowhere in the corpus; the Streupflichtsatzung speaks of "Schneeräumen".
        var search = SearchWith("Winterdienst;Schneeräumen");

        var result = await search.SearchAsync(new SearchRequest("Winterdienst Anlieger?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal("kommune/GEM-BBO/BBO_Satzung_Streupflicht.md", result.Hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_WordTheCorpusKnows_GetsNoSynonyms()
    {
        // A nonsense set: were "Gehweg" expanded, the Friedhofsatzung would come up.
        var search = SearchWith("Gehweg;Grabstätte");

        var result = await search.SearchAsync(new SearchRequest("Gehweg reinigen", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Hits.Take(10), hit => hit.Chunk.DocumentId.EndsWith("BBO_Satzung_Friedhof.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_CompoundTheCorpusLacks_FindsThePassagesOfItsTwoParts()
    {
        // "Hallenbelegung" occurs nowhere in the corpus; "Halle" and "Belegung" do, in the Sporthallen rules.
        var search = SearchWith(string.Empty);

        var result = await search.SearchAsync(new SearchRequest("Hallenbelegung", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Hits);
        Assert.Equal("kommune/GEM-BBO/BBO_Benutzungsordnung_Sporthallen.md", result.Hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_NounTheCorpusLacksThatDoesNotSplit_FindsThePassagesOfItsLastPart()
    {
        // "Notunterkunft" occurs nowhere in the corpus and "Not" is too short a part to check; "Unterkunft" is the kind it names.
        var search = SearchWith(string.Empty);

        var result = await search.SearchAsync(new SearchRequest("Notunterkunft", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Hits);
        Assert.Equal("kommune/GEM-BBO/BBO_Satzung_Benutzung_von_Obdachlosen-_und_Fluechtlingsunterkuenften.md", result.Hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_OneWordOfTwentyThousandLetters_ChecksAFewWordsOnly()
    {
        // A pasted blob is one "word" of a short question; splitting it at every position would analyse and look up
        // thousands of ever longer tails.
        var counting = new CountingVocabularyStore(corpus.Services.GetRequiredService<IKnowledgeStore>());
        var search = corpus.SearchWith(new SearchOptions { ThesaurusFile = IngestedCorpus.WriteThesaurus(_folder.Path, string.Empty) }, counting);

        await search.SearchAsync(new SearchRequest("Hundesteuer " + string.Concat(Enumerable.Repeat("Xq", 10_000)), Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.InRange(counting.Checks, 1, 20);
    }

    private sealed class CountingVocabularyStore(IKnowledgeStore inner) : DelegatingKnowledgeStore(inner)
    {
        public int Checks { get; private set; }

        public override Task<bool> ContainsTermAsync(string term, DocumentAccess access, CancellationToken cancellationToken = default)
        {
            Checks++;
            return base.ContainsTermAsync(term, access, cancellationToken);
        }
    }

    private HybridSearchService SearchWith(string synonymSet) =>
        corpus.SearchWith(new SearchOptions { ThesaurusFile = IngestedCorpus.WriteThesaurus(_folder.Path, synonymSet) });
}
