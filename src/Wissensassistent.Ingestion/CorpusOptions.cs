using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Ingestion;

/// <summary>Where the documents are (section "Corpus").</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The corpus folder; relative paths are resolved against the working directory, then its parents.</summary>
    [Required]
    public string Path { get; set; } = "corpus";

    /// <summary>Ingest (incrementally) and fill in embeddings when the application starts.</summary>
    public bool IngestOnStartup { get; set; }

    /// <summary>The absolute corpus folder: a relative path is looked up from the working directory upwards, so that
    /// <c>dotnet run --project src/…</c> finds the repository's corpus from any folder inside the clone.</summary>
    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Path;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, Path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return System.IO.Path.GetFullPath(Path);
    }
}
