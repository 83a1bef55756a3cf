using System.Text;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// Lists the files of a corpus folder with paths relative to it. Symbolic links are never trusted blindly (see
/// <see cref="CorpusWalk"/>): a link to a file inside the root is read, every other link is refused with a reason.
/// </summary>
public static class CorpusScanner
{
    /// <summary>Files that describe the corpus rather than belong to it.</summary>
    internal static readonly HashSet<string> MetadataFiles = new(StringComparer.OrdinalIgnoreCase) { "README.md", "MANIFEST.tsv", "LICENSE", "LICENSE.md", ".gitkeep", CorpusAccess.FileName };

    /// <summary>The files only; <see cref="Inspect"/> also says which entries were refused and why.</summary>
    public static IReadOnlyList<CorpusFile> Scan(string corpusRoot) => Inspect(corpusRoot).Files;

    public static CorpusScan Inspect(string corpusRoot)
    {
        if (!Directory.Exists(corpusRoot))
        {
            throw new DirectoryNotFoundException($"Der Korpusordner „{corpusRoot}“ existiert nicht.");
        }

        var root = Path.GetFullPath(corpusRoot);
        var realRoot = RealPath.Resolve(root) ?? root;
        return new CorpusWalk(root, realRoot).Run();
    }

    /// <summary>Forward slashes and NFC, so that the same file has the same id on every system (umlauts in names).</summary>
    public static string ToRelative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/').Normalize(NormalizationForm.FormC);
}

/// <param name="RelativePath">Path relative to the corpus folder, forward slashes: the document id.</param>
/// <param name="FullPath">The physical file to read (for a symbolic link: its resolved target inside the root).</param>
public sealed record CorpusFile(string RelativePath, string FullPath, long Length);
