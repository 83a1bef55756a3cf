using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>
/// p50/p95 of <c>search_norms</c> and <c>get_norm</c> over 200 calls each through the SDK client (key check, rate limiter,
/// JSON-RPC included). Explicit: <c>WISSEN_LATENCY_REPORT=/tmp/latency.txt dotnet test --filter McpLatencyTests -- --explicit on</c>.
/// </summary>
public sealed class McpLatencyTests(OpenInterfacesApp app) : IClassFixture<OpenInterfacesApp>
{
    private const int Calls = 200;

    private static readonly string[] Queries = ["Bauen im Außenbereich", "Befangenheit Gemeinderat", "Hundesteuer Befreiung", "Kassenanordnung Gemeindekasse"];

    private static readonly string[] Citations = ["§ 35 Abs. 1 BauGB", "§ 18 GemO", "§ 1 Hundesteuersatzung Bad Boll", "§ 36 BauGB"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task SearchAndGetNorm_Latency()
    {
        var key = await app.IssueKeyAsync();
        await using var client = await app.McpClientAsync(key.Secret, Ct);

        var search = await MeasureAsync(i => client.CallToolAsync("search_norms", new Dictionary<string, object?> { ["query"] = Queries[i % Queries.Length] }, cancellationToken: Ct).AsTask());
        var norm = await MeasureAsync(i => client.CallToolAsync("get_norm", new Dictionary<string, object?> { ["citation"] = Citations[i % Citations.Length] }, cancellationToken: Ct).AsTask());

        var figures = $"search_norms p50 {search.P50:F1} ms, p95 {search.P95:F1} ms; get_norm p50 {norm.P50:F1} ms, p95 {norm.P95:F1} ms";
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        if (Environment.GetEnvironmentVariable("WISSEN_LATENCY_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, figures + Environment.NewLine, Ct);
        }

        Assert.True(search.P95 < 1000 && norm.P95 < 1000);
    }

    private static async Task<(double P50, double P95)> MeasureAsync(Func<int, Task> call)
    {
        for (var i = 0; i < 10; i++)
        {
            await call(i);
        }

        var times = new List<double>(Calls);
        for (var i = 0; i < Calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return (times[Calls / 2], times[(int)(Calls * 0.95) - 1]);
    }
}
