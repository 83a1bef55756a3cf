using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Web.History;

/// <summary>Server-side history of signed-in users (section <c>History</c>).</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>Conversations untouched for this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
