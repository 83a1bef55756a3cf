using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Web.Admin;

/// <summary>Settings of the admin area (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The ingestion worker's address (e.g. <c>http://worker:8080</c>); when set with <see cref="WorkerApiKey"/>, the
    /// admin page drives the worker's control API instead of reindexing in this process.</summary>
    public Uri? WorkerUrl { get; set; }

    /// <summary>Key of the worker's control API; never logged.</summary>
    public string? WorkerApiKey { get; set; }

    /// <summary>Largest document an administrator can upload.</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 50;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public bool UsesWorker => WorkerUrl is not null && !string.IsNullOrWhiteSpace(WorkerApiKey);
}
