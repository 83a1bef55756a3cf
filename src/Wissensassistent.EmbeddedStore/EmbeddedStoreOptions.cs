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
    /// Length normalisation of the title fields (norm and law title) by their own length, as BM25F does: 0 lets a title term
    /// count the same in a short passage as in a long one; unset (empty) folds them under the text's length, so that a one-line
    /// Absatz carrying the law's title outranks the long Absatz that holds the question's words. Measured (dev sets, lexical,
    /// with the separable verb forms of the analyzer): 0.5 staff first hits 54 % to 56 %, key facts and gold cited 63 % to 65 %,
    /// ragsource R@1 0.622 to 0.633, GerLayQA R@10 0.180 to 0.179; 0.25 and 0.75 no better.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? Bm25TitleB { get; set; } = 0.5;

    /// <summary>
    /// Chunks with a vector from which dense search ranks candidates by binary codes (one bit per dimension) and scores
    /// only the closest few thousand exactly, instead of scoring every vector; below it the full scan is fast enough.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ApproximateVectorsFrom { get; set; } = 200_000;

    /// <summary>
    /// Chunks kept in memory once a search or a norm lookup read them, until the next write (about 1.5 KB each, text
    /// included); 0 reads every hit from SQLite. Questions share most of their candidates, so a search mostly finds them here.
    /// </summary>
    [Range(0, 10_000_000)]
    public int LoadedChunks { get; set; } = 32_768;

    public string DatabasePath => Path.GetFullPath(Path.Combine(StoreDirectory ?? throw new InvalidOperationException("Der Speicherordner ist nicht gesetzt."), FileName));
}
