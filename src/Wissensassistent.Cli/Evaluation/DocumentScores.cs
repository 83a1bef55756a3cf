namespace Wissensassistent.Cli.Evaluation;

/// <summary>Document-level retrieval (gold = the corpus file that answers): recall at 1, 5, 10 and MRR@10 over distinct files.</summary>
public sealed record DocumentScores(int Questions, double RecallAt1, double RecallAt5, double RecallAt10, double MrrAt10, double LatencyP50Ms, double LatencyP95Ms)
{
    public static DocumentScores From(IReadOnlyList<(int? Rank, double LatencyMs)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double Share(int k) => rows.Count == 0 ? 0 : (double)rows.Count(r => r.Rank <= k) / rows.Count;
        var latencies = rows.Select(r => r.LatencyMs).Order().ToList();
        return new DocumentScores(
            rows.Count,
            Share(1),
            Share(5),
            Share(10),
            rows.Count == 0 ? 0 : rows.Average(r => r.Rank is { } rank and <= 10 ? 1.0 / rank : 0),
            RetrievalMetrics.Percentile(latencies, 50),
            RetrievalMetrics.Percentile(latencies, 95));
    }
}
