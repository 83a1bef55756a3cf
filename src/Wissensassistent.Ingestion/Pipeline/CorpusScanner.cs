using System.Text;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>Lists the files of a corpus folder with paths relative to it.</summary>
public static class CorpusScanner
{
    /// <summary>Files that describe the corpus rather than belong to it.</summary>
    private static readonly HashSet<string> MetadataFiles = new(StringComparer.OrdinalIgnoreCase) { "README.md", "MANIFEST.tsv", "LICENSE", "LICENSE.md", ".gitkeep" };

    public static IReadOnlyList<CorpusFile> Scan(string corpusRoot)
    {
        if (!Directory.Exists(corpusRoot))
        {
            throw new DirectoryNotFoundException($"Der Korpusordner „{corpusRoot}“ existiert nicht.");
        }

        var root = Path.GetFullPath(corpusRoot);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(path => !MetadataFiles.Contains(Path.GetFileName(path)))
            .Select(path => new CorpusFile(ToRelative(root, path), path, new FileInfo(path).Length))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Forward slashes and NFC, so that the same file has the same id on every system (umlauts in names).</summary>
    public static string ToRelative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/').Normalize(NormalizationForm.FormC);
}

/// <param name="RelativePath">Path relative to the corpus folder, forward slashes: the document id.</param>
public sealed record CorpusFile(string RelativePath, string FullPath, long Length);
