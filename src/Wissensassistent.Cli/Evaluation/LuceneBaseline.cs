using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneVersion = Lucene.Net.Util.LuceneVersion;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// The yardstick: a stock Lucene.Net BM25 index (k1 = 1.2, b = 0.75) over the same texts, with either plain
/// lower-cased word tokens or Lucene's stock GermanAnalyzer. Every figure we report is also a ratio against it.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private LuceneBaseline(Analyzer analyzer, Lucene.Net.Store.Directory directory)
    {
        _analyzer = analyzer;
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
    }

    public static LuceneBaseline Build(IEnumerable<(string Key, string Text)> documents, BaselineAnalyzer kind, string? folder = null)
    {
        Analyzer analyzer = kind == BaselineAnalyzer.German
            ? new Lucene.Net.Analysis.De.GermanAnalyzer(Version)
            : new StandardAnalyzer(Version, CharArraySet.Empty);
        Lucene.Net.Store.Directory directory = folder is null ? new RAMDirectory() : FSDirectory.Open(folder);
        var config = new IndexWriterConfig(Version, analyzer)
        {
            Similarity = new BM25Similarity(1.2f, 0.75f),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var (key, text) in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("key", key, Field.Store.YES),
                    new TextField("text", text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        return new LuceneBaseline(analyzer, directory);
    }

    /// <summary>
    /// Keys of the best documents. The query is a disjunction of its analysed terms, each boosted by how often the
    /// question repeats it, as plain BM25 sums over query tokens (no query syntax, so no parse errors).
    /// </summary>
    public IReadOnlyList<string> Search(string text, int top)
    {
        var query = new BooleanQuery();
        foreach (var group in Analyze(text).GroupBy(t => t, StringComparer.Ordinal).Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term("text", group.Key)) { Boost = group.Count() }, Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        return _searcher.Search(query, top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("key")).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }
}

public enum BaselineAnalyzer
{
    /// <summary>Lower-cased word tokens, no stop words, no stemming.</summary>
    Plain,

    /// <summary>Lucene's stock GermanAnalyzer (stop words, German light stemming, normalisation).</summary>
    German,
}
