using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.EmbeddedStore;

/// <summary>
/// How the embedded store names its SQLite files and how it ranks; bound from the section <c>EmbeddedStore</c>. Its
/// folder is the data folder's <c>store/</c> (<see cref="Core.Storage.DataFolder.StoreDirectory"/>).
/// </summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "EmbeddedStore";

    /// <summary>Folder of the generation files; set from the data folder unless given (tests, tools).</summary>
    [Required]
    public string? StoreDirectory { get; set; }

    [Required]
    [RegularExpression(@"^[^/\\]+$", ErrorMessage = "Der Dateiname darf keinen Ordner enthalten.")]
    public string FileName { get; set; } = "wissen.db";

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation: 0 ignores chunk length, 1 normalises fully.</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.75;

    /// <summary>
    /// Chunk vectors from which dense search goes through an approximate (HNSW) index kept beside each generation's
    /// file instead of scanning all vectors; below it the exact scan is fast enough and never misses.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ApproximateVectorsFrom { get; set; } = 200_000;

    public string DatabasePath => Path.GetFullPath(Path.Combine(StoreDirectory ?? throw new InvalidOperationException("Der Speicherordner ist nicht gesetzt."), FileName));
}
