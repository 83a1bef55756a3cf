namespace Wissensassistent.Cli.Evaluation;

/// <summary>Collects per-question metrics and latencies of one system.</summary>
public sealed class EvaluationAccumulator(string system)
{
    private readonly List<double[]> _rows = [];
    private readonly List<double> _latencies = [];

    public int Count => _rows.Count;

    public void Add(IReadOnlyList<string> rankedNormKeys, IReadOnlySet<string> gold, double latencyMs)
    {
        var ranking = RetrievalMetrics.Deduplicate(rankedNormKeys);
        _rows.Add(
        [
            RetrievalMetrics.Recall(ranking, gold, 1),
            RetrievalMetrics.Recall(ranking, gold, 5),
            RetrievalMetrics.Recall(ranking, gold, 10),
            RetrievalMetrics.Recall(ranking, gold, 100),
            RetrievalMetrics.Hit(ranking, gold, 10),
            RetrievalMetrics.ReciprocalRank(ranking, gold, 10),
            RetrievalMetrics.Ndcg(ranking, gold, 10),
        ]);
        _latencies.Add(latencyMs);
    }

    public EvaluationSummary Summarize()
    {
        double Mean(int column) => _rows.Count == 0 ? 0 : _rows.Average(r => r[column]);
        var sorted = _latencies.Order().ToList();
        return new EvaluationSummary(
            system,
            _rows.Count,
            Mean(0),
            Mean(1),
            Mean(2),
            Mean(3),
            Mean(4),
            Mean(5),
            Mean(6),
            RetrievalMetrics.Percentile(sorted, 50),
            RetrievalMetrics.Percentile(sorted, 95));
    }
}
