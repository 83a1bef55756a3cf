using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using LuceneVersion = Lucene.Net.Util.LuceneVersion;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// An engine candidate, for the bench only: Lucene.Net 4.8 with BM25 (k1 = 1.2, b = 0.75) over our own analysis, the
/// terms of <see cref="IndexedTerms"/> fed in as token streams, the titles as a field of their own, one index directory
/// per store generation. Queried with the same weighted terms as our store; the store keeps BM25F, Lucene sums the
/// fields, so rankings are close, not equal.
/// </summary>
public sealed class AnalysedLuceneIndex : IDisposable
{
    private const string KeyField = "key";
    private const string TextField = "text";
    private const string TitleField = "title";

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private AnalysedLuceneIndex(Lucene.Net.Store.Directory directory, TimeSpan buildTime)
    {
        _directory = directory;
        BuildTime = buildTime;
        var opening = Stopwatch.StartNew();
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        OpenTime = opening.Elapsed;
    }

    public TimeSpan BuildTime { get; }

    /// <summary>Opening the written index directory (a new reader over it).</summary>
    public TimeSpan OpenTime { get; }

    public static AnalysedLuceneIndex Build(IEnumerable<Chunk> chunks, ITextAnalyzer analyzer, string folder)
    {
        var stopwatch = Stopwatch.StartNew();
        var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzerForBench())
        {
            Similarity = new BM25Similarity(1.2f, 0.75f),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 128,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var chunk in chunks)
            {
                var text = new List<string>();
                var titles = new List<string>();
                foreach (var term in IndexedTerms.Of(analyzer, chunk))
                {
                    (IndexedTerms.IsTitleTerm(term) ? titles : text).Add(IndexedTerms.PlainTerm(term));
                }

                writer.AddDocument(new Document
                {
                    new StringField(KeyField, chunk.Id, Field.Store.YES),
                    new Field(TextField, new TermStream(text), Lucene.Net.Documents.TextField.TYPE_NOT_STORED),
                    new Field(TitleField, new TermStream(titles), Lucene.Net.Documents.TextField.TYPE_NOT_STORED),
                });
            }

            writer.Commit();
        }

        return new AnalysedLuceneIndex(directory, stopwatch.Elapsed);
    }

    /// <summary>Size of the index directory on disk, in bytes.</summary>
    public long SizeOnDisk() => _directory is FSDirectory fs
        ? new DirectoryInfo(fs.Directory.FullName).EnumerateFiles().Sum(file => file.Length)
        : 0;

    /// <summary>Keys of the best <paramref name="top"/> chunks for the weighted terms, titles at <see cref="IndexedTerms.NormTitleWeight"/>.</summary>
    public IReadOnlyList<string> Search(LexicalQuery query, int top)
    {
        var boolean = new BooleanQuery();
        foreach (var (term, weight) in query.Terms.Take(BooleanQuery.MaxClauseCount / 2))
        {
            boolean.Add(new TermQuery(new Term(TextField, term)) { Boost = (float)weight }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term(TitleField, term)) { Boost = (float)(weight * IndexedTerms.NormTitleWeight) }, Occur.SHOULD);
        }

        return boolean.Clauses.Count == 0
            ? []
            : _searcher.Search(boolean, top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(KeyField)).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>Terms analysed already, one token each.</summary>
    private sealed class TermStream : TokenStream
    {
        private readonly IReadOnlyList<string> _terms;
        private readonly ICharTermAttribute _term;
        private int _next;

        public TermStream(IReadOnlyList<string> terms)
        {
            _terms = terms;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _terms.Count)
            {
                return false;
            }

            ClearAttributes();
            _term.SetEmpty().Append(_terms[_next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }

    /// <summary>The writer's analyzer is never asked: every analysed field comes as a token stream.</summary>
    private sealed class KeywordAnalyzerForBench : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new Lucene.Net.Analysis.Core.KeywordTokenizer(reader));
    }
}
