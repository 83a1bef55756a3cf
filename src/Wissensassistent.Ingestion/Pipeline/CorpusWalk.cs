using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// Walks a corpus root without following symbolic links blindly. The rules:
/// <list type="bullet">
/// <item>A link whose resolved target lies outside the root is refused (a link to <c>/etc/passwd</c> is never read).</item>
/// <item>A link to a folder is never descended into: one to the folder itself or above it would loop; one to another
/// folder inside the root adds nothing, because that folder's files are read under their own path anyway.</item>
/// <item>A dangling link, or a chain of links that loops, is refused.</item>
/// <item>A link to a file inside the root is read, from its resolved target. Each physical file becomes one document:
/// under its own path when the walk lists it, otherwise under the first link path in ordinal order; the other paths
/// are reported as refused duplicates.</item>
/// </list>
/// </summary>
internal sealed class CorpusWalk(string root, string realRoot)
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
    };

    private readonly List<Candidate> _candidates = [];
    private readonly List<FileError> _refused = [];

    public CorpusScan Run()
    {
        Walk(new DirectoryInfo(root));
        var files = new List<CorpusFile>();
        foreach (var group in _candidates.GroupBy(c => c.Target, RealPath.Comparer))
        {
            var ordered = group.OrderBy(c => c.ViaLink).ThenBy(c => c.RelativePath, StringComparer.Ordinal).ToList();
            var kept = ordered[0];
            files.Add(new CorpusFile(kept.RelativePath, kept.Target, new FileInfo(kept.Target).Length));
            _refused.AddRange(ordered.Skip(1).Select(duplicate => new FileError(
                duplicate.RelativePath,
                $"Symbolischer Verweis auf dieselbe Datei wie „{kept.RelativePath}“; sie wird nur einmal eingelesen, unter „{kept.RelativePath}“.")));
        }

        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.RelativePath, b.RelativePath));
        _refused.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return new CorpusScan(files, _refused);
    }

    /// <summary>The walk never enters a linked folder, so every folder it visits is physically <c>realRoot/relative</c>.</summary>
    private void Walk(DirectoryInfo directory)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos("*", Options).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = CorpusScanner.ToRelative(root, entry.FullName);
            if (entry.LinkTarget is not null)
            {
                Link(entry, relative);
            }
            else if (entry is DirectoryInfo subdirectory)
            {
                Walk(subdirectory);
            }
            else if (!CorpusScanner.MetadataFiles.Contains(entry.Name))
            {
                _candidates.Add(new Candidate(relative, Path.Join(realRoot, Path.GetRelativePath(root, entry.FullName)), ViaLink: false));
            }
        }
    }

    private void Link(FileSystemInfo link, string relative)
    {
        var target = RealPath.Resolve(link.FullName);
        if (target is null)
        {
            Refuse(relative, $"Symbolischer Verweis auf „{link.LinkTarget}“ führt ins Leere oder im Kreis; nicht eingelesen.");
        }
        else if (!RealPath.IsWithin(realRoot, target))
        {
            Refuse(relative, $"Symbolischer Verweis auf „{link.LinkTarget}“ zeigt aus dem Korpusordner hinaus; aus Sicherheitsgründen nicht eingelesen.");
        }
        else if (Directory.Exists(target))
        {
            var linkFolder = Path.GetDirectoryName(Path.Join(realRoot, Path.GetRelativePath(root, link.FullName))) ?? realRoot;
            Refuse(relative, RealPath.IsWithin(target, linkFolder)
                ? $"Ordnerverweis auf „{link.LinkTarget}“ zeigt auf einen übergeordneten Ordner und bildet eine Schleife; nicht verfolgt."
                : $"Ordnerverweis auf „{CorpusScanner.ToRelative(realRoot, target)}“ wird nicht verfolgt; die Dateien dort werden unter ihrem eigenen Pfad eingelesen.");
        }
        else if (!CorpusScanner.MetadataFiles.Contains(link.Name))
        {
            _candidates.Add(new Candidate(relative, target, ViaLink: true));
        }
    }

    private void Refuse(string relative, string reason) => _refused.Add(new FileError(relative, reason));

    /// <param name="Target">The physical file: for a link its resolved target, otherwise the file below the resolved root.</param>
    private sealed record Candidate(string RelativePath, string Target, bool ViaLink);
}
