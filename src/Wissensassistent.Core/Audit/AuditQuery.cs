namespace Wissensassistent.Core.Audit;

/// <summary>A filter over the trail; empty fields filter nothing. Newest entries first, at most <see cref="Limit"/>.</summary>
/// <param name="Actor">Exact account or system actor, without regard to case.</param>
/// <param name="From">Entries at or after this time.</param>
/// <param name="Until">Entries before this time.</param>
public sealed record AuditQuery(string? Action = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? Until = null, int Limit = 500)
{
    public const int MaxLimit = 100_000;
}
