using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>Whether a question is short (title field, coverage) or long (feedback expansion) is decided on its own words.</summary>
public sealed class ShortQuestionSearchTests(IngestedCorpus corpus) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Search_ShortQuestionWithManyStandIns_StaysShort_NoFeedbackPass()
    {
        // Three words the corpus lacks, six synonyms each (the thesaurus' most per word), take the query past the feedback
        // threshold of 18 terms; the question itself has four.
        string Set(string word, char vowel) => word + ";" + string.Join(';', "aeiouy".Select(v => $"Z{v}b{vowel}quix"));
        var store = new CountingStore(corpus.Services.GetRequiredService<IKnowledgeStore>());
        var options = new SearchOptions { ThesaurusFile = WriteThesaurus(string.Join('\n', Set("Quarkelbrumm", 'a'), Set("Flimsendorf", 'o'), Set("Trollwicht", 'u'))) };

        await Search(store, options).SearchAsync(new SearchRequest("Quarkelbrumm Flimsendorf Trollwicht Anlieger?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal(1, store.CandidateSearches(options.Candidates));
    }

    [Fact]
    public async Task Search_LongQuestion_GetsTheFeedbackPass()
    {
        var store = new CountingStore(corpus.Services.GetRequiredService<IKnowledgeStore>());
        var options = new SearchOptions { ThesaurusFile = WriteThesaurus(string.Empty) };
        var question = "Mein Nachbar hat im Januar bei Glatteis und Schnee vor seinem Wohnhaus den Gehweg weder geräumt noch gestreut, obwohl er als Anlieger und Eigentümer dazu verpflichtet wäre. Ich bin deshalb auf dem Weg zur Arbeit gestürzt, habe mir den Arm gebrochen und musste ins Krankenhaus. Wer haftet für Schmerzensgeld und Verdienstausfall?";

        await Search(store, options).SearchAsync(new SearchRequest(question, Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal(2, store.CandidateSearches(options.Candidates));
    }

    private string WriteThesaurus(string synonymSet) => IngestedCorpus.WriteThesaurus(_folder.Path, synonymSet);

    private HybridSearchService Search(IKnowledgeStore store, SearchOptions options) => corpus.SearchWith(options, store);

    /// <summary>Counts the lexical searches of each depth; a word check asks for one hit, a candidate search for many.</summary>
    private sealed class CountingStore(IKnowledgeStore inner) : DelegatingKnowledgeStore(inner)
    {
        private readonly List<int> _tops = [];

        public int CandidateSearches(int top)
        {
            lock (_tops)
            {
                return _tops.Count(t => t == top);
            }
        }

        public override Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
        {
            lock (_tops)
            {
                _tops.Add(top);
            }

            return base.SearchLexicalAsync(query, filter, top, cancellationToken);
        }
    }
}
