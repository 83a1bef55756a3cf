using System.Text.RegularExpressions;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// The textbook baseline the eval file is published against: BM25 (k1 = 1.2, b = 0.75) over lower-cased word
/// tokens, summing over every query token (repeats count), idf = ln(1 + (N − n + 0.5) / (n + 0.5)).
/// </summary>
public sealed partial class PlainBm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly IReadOnlyList<string> _keys;
    private readonly Dictionary<string, List<(int Doc, int Tf)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public PlainBm25(IReadOnlyList<(string Key, string Text)> documents)
    {
        _keys = documents.Select(d => d.Key).ToList();
        _lengths = new int[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            var tokens = Tokenize(documents[i].Text);
            _lengths[i] = tokens.Count;
            foreach (var group in tokens.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = [];
                }

                list.Add((i, group.Count()));
            }
        }

        _averageLength = _lengths.Length == 0 ? 1 : _lengths.Average();
    }

    public IReadOnlyList<string> Search(string query, int top)
    {
        var scores = new Dictionary<int, double>();
        var n = _keys.Count;
        foreach (var token in Tokenize(query))
        {
            if (!_postings.TryGetValue(token, out var postings))
            {
                continue;
            }

            var idf = Math.Log(1 + (n - postings.Count + 0.5) / (postings.Count + 0.5));
            foreach (var (doc, tf) in postings)
            {
                var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[doc] / _averageLength));
                scores[doc] = scores.GetValueOrDefault(doc) + idf * norm;
            }
        }

        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(top).Select(s => _keys[s.Key]).ToList();
    }

    private static List<string> Tokenize(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
