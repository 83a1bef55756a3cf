using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Worker;

/// <summary>Settings of the ingestion worker (section "Worker").</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Where the worker listens unless ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or Kestrel endpoints say otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>Key of the control endpoints, sent as header <c>X-Api-Key</c>. Required unless anonymous loopback access is allowed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Development only: without a key, requests from loopback addresses are accepted.</summary>
    public bool AllowAnonymousOnLoopback { get; set; }

    /// <summary>Interval of scheduled incremental runs (<c>06:00:00</c>); off when unset.</summary>
    public TimeSpan? Schedule { get; set; }

    /// <summary>Watch the corpus folder and run incrementally after changes.</summary>
    public bool WatchCorpus { get; set; }

    /// <summary>Quiet time after the last file change before a watched change starts a run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An incremental run when the worker starts.</summary>
    public bool IndexOnStartup { get; set; } = true;

    /// <summary>Runs kept in the history.</summary>
    [Range(1, 10_000)]
    public int HistoryLength { get; set; } = 100;
}
