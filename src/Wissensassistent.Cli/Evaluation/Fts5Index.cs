using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// An engine candidate, for the bench only: SQLite FTS5 with its bm25() over our own analysis. Each analysed term is
/// written as a token FTS5 cannot split (<c>t</c> + its number), the text and the titles as two columns (titles at
/// <see cref="IndexedTerms.NormTitleWeight"/>). FTS5 has no weights per query term, so expansion weights are lost.
/// </summary>
public sealed class Fts5Index : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, int> _tokens;

    private Fts5Index(SqliteConnection connection, Dictionary<string, int> tokens, TimeSpan buildTime)
    {
        _connection = connection;
        _tokens = tokens;
        BuildTime = buildTime;
    }

    public TimeSpan BuildTime { get; }

    public static Fts5Index Build(IEnumerable<Chunk> chunks, ITextAnalyzer analyzer, string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE VIRTUAL TABLE passages USING fts5(key UNINDEXED, text, title, tokenize = 'ascii');");
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO passages (key, text, title) VALUES ($key, $text, $title);";
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            foreach (var chunk in chunks)
            {
                var plain = new List<string>();
                var titles = new List<string>();
                foreach (var term in IndexedTerms.Of(analyzer, chunk))
                {
                    var token = Token(tokens, IndexedTerms.PlainTerm(term), add: true)!;
                    (IndexedTerms.IsTitleTerm(term) ? titles : plain).Add(token);
                }

                key.Value = chunk.Id;
                text.Value = string.Join(' ', plain);
                title.Value = string.Join(' ', titles);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(connection, "INSERT INTO passages (passages) VALUES ('optimize');");
        return new Fts5Index(connection, tokens, stopwatch.Elapsed);
    }

    public long SizeOnDisk() => new FileInfo(_connection.DataSource).Length;

    /// <summary>Keys of the best <paramref name="top"/> chunks having any of the terms, by bm25() (lower is better).</summary>
    public IReadOnlyList<string> Search(LexicalQuery query, int top)
    {
        var tokens = query.Terms.Select(t => Token(_tokens, t.Term, add: false)).OfType<string>().Distinct().ToList();
        if (tokens.Count == 0)
        {
            return [];
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key FROM passages WHERE passages MATCH $match ORDER BY bm25(passages, 0, 1.0, $title) LIMIT $top;";
        command.Parameters.AddWithValue("$match", string.Join(" OR ", tokens));
        command.Parameters.AddWithValue("$title", IndexedTerms.NormTitleWeight);
        command.Parameters.AddWithValue("$top", top);
        var keys = new List<string>(top);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public void Dispose() => _connection.Dispose();

    private static string? Token(Dictionary<string, int> tokens, string term, bool add)
    {
        if (!tokens.TryGetValue(term, out var id))
        {
            if (!add)
            {
                return null;
            }

            tokens[term] = id = tokens.Count;
        }

        return "t" + id.ToString(CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
