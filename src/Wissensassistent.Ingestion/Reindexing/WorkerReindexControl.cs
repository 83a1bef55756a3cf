using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Drives the ingestion worker's control API (<c>/api/reindex</c>) over HTTP. The client comes configured with the
/// worker's address and the key in <see cref="ApiKeyHeader"/>. The worker records the trigger it is given (admin area, upload).
/// </summary>
public sealed class WorkerReindexControl(HttpClient http) : IReindexControl
{
    /// <summary>Header that carries the worker's API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool ReportsChanges => false;

    // The worker pushes nothing; callers poll.
    public event Action? Changed
    {
        add { }
        remove { }
    }

    public async Task<ReindexRun?> StartAsync(ReindexMode mode, ReindexTrigger trigger, CancellationToken cancellationToken = default)
    {
        var path = "/api/reindex?mode=" + (mode == ReindexMode.Full ? "full" : "incremental") + "&trigger=" + trigger.ToString().ToLowerInvariant();
        return await PostAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public Task<ReindexRun?> CancelAsync(CancellationToken cancellationToken = default) => PostAsync("/api/reindex/cancel", cancellationToken);

    public async Task<ReindexStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ReindexStatus>("/api/reindex/status", Json, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("Der Worker hat einen leeren Status geliefert.");

    public async Task<IReadOnlyList<ReindexRun>> GetHistoryAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<ReindexRun>>("/api/reindex/history", Json, cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>202 carries the run; 409 means busy (start) or idle (cancel); anything else is an error.</summary>
    private async Task<ReindexRun?> PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ReindexRun>(Json, cancellationToken).ConfigureAwait(false);
    }
}
