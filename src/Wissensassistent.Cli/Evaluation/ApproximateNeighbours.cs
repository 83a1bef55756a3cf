using System.Diagnostics;
using Cloud.Unum.USearch;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// An HNSW index (USearch) over the same vectors as the embedded store's exact search, for <c>bench --ann</c>:
/// what approximate search would buy in latency and cost in build time and recall.
/// </summary>
public sealed class ApproximateNeighbours : IDisposable
{
    private readonly USearchIndex _index;
    private readonly IReadOnlyList<string> _ids;

    private ApproximateNeighbours(USearchIndex index, IReadOnlyList<string> ids, TimeSpan buildTime)
    {
        _index = index;
        _ids = ids;
        BuildTime = buildTime;
    }

    public TimeSpan BuildTime { get; }

    /// <summary>Cosine HNSW with USearch's defaults for connectivity (16) and expansion (128 add, 64 search).</summary>
    public static ApproximateNeighbours Build(IReadOnlyList<(string Id, float[] Vector)> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var dimensions = vectors.Count == 0 ? 1 : vectors[0].Vector.Length;
        var stopwatch = Stopwatch.StartNew();
        var index = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, (ulong)dimensions, 16, 128, 64);
        for (var i = 0; i < vectors.Count; i++)
        {
            index.Add((ulong)i, vectors[i].Vector);
        }

        return new ApproximateNeighbours(index, vectors.Select(v => v.Id).ToList(), stopwatch.Elapsed);
    }

    public IReadOnlyList<string> Search(float[] query, int top)
    {
        _index.Search(query, top, out ulong[] keys, out float[] _);
        return keys.Select(k => _ids[(int)k]).ToList();
    }

    public void Dispose() => _index.Dispose();
}
