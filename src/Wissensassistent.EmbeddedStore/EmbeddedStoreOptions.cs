using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Where the embedded store keeps its SQLite file and how it ranks; bound from the section <c>EmbeddedStore</c>.</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "EmbeddedStore";

    /// <summary>Folder of the database file; relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    [RegularExpression(@"^[^/\\]+$", ErrorMessage = "Der Dateiname darf keinen Ordner enthalten.")]
    public string FileName { get; set; } = "wissen.db";

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation: 0 ignores chunk length, 1 normalises fully.</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.75;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
