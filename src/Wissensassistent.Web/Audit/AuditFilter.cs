using System.Globalization;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Audit;

/// <summary>
/// The filters of the admin area's audit view (action, actor, period in days of the server's time zone), shared by the
/// view and the CSV export so that the export holds exactly what the view filters.
/// </summary>
public sealed class AuditFilter
{
    public const string ActionParameter = "aktion";
    public const string ActorParameter = "benutzer";
    public const string FromParameter = "von";
    public const string UntilParameter = "bis";

    public string? Action { get; set; }

    public string? Actor { get; set; }

    /// <summary>First day shown.</summary>
    public DateTime? From { get; set; }

    /// <summary>Last day shown, inclusive.</summary>
    public DateTime? Until { get; set; }

    public static AuditFilter Parse(string? action, string? actor, string? from, string? until) => new()
    {
        Action = AuditActions.All.Contains(action ?? "", StringComparer.Ordinal) ? action : null,
        Actor = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(),
        From = ParseDay(from),
        Until = ParseDay(until),
    };

    public AuditQuery ToQuery(int limit) => new(
        Action,
        Actor,
        From is { } from ? StartOfDay(from) : null,
        Until is { } until ? StartOfDay(until.AddDays(1)) : null,
        limit);

    /// <summary>The filter as a query string (without „?“) for the export link.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, ActionParameter, Action);
        Add(parts, ActorParameter, Actor);
        Add(parts, FromParameter, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, UntilParameter, Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static DateTime? ParseDay(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.Date : null;

    private static DateTimeOffset StartOfDay(DateTime day)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }
}
