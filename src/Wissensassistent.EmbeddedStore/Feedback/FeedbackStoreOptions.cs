using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.EmbeddedStore.Feedback;

/// <summary>
/// Where feedback is kept: the embedded store's database file. Bound to the same configuration section and with the
/// same property names as the embedded store's options, so that both always point at one file.
/// </summary>
public sealed class FeedbackStoreOptions
{
    public const string SectionName = "EmbeddedStore";

    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    public string FileName { get; set; } = "wissen.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
