using System.Text;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// Who may read which folder of a corpus root, from the root's <c>zugriff.tsv</c>: one line per folder or file (path
/// relative to the root, forward slashes), a tab, then the groups that may read it, comma-separated; <c>öffentlich</c>
/// (or nothing) makes it public again. The most specific line wins; everything no line names is public within the
/// administration. Lines starting with <c>#</c> are comments. A file that cannot be read exactly stops the run: a
/// folder meant to be restricted must never become public because of a typo.
/// </summary>
public sealed class CorpusAccess
{
    public const string FileName = "zugriff.tsv";

    /// <summary>The word that marks a line public (a sub-folder of a restricted one, say).</summary>
    public const string PublicWord = "öffentlich";

    public static readonly CorpusAccess Public = new([]);

    private readonly IReadOnlyList<(string Path, IReadOnlyList<string> Groups)> _rules;

    private CorpusAccess(IReadOnlyList<(string Path, IReadOnlyList<string> Groups)> rules) => _rules = rules;

    /// <summary>The folders and files the file names, in its order, with their groups (empty: public).</summary>
    public IReadOnlyList<(string Path, IReadOnlyList<string> Groups)> Rules => _rules;

    /// <summary>The root's rules; <see cref="Public"/> when the root has no <c>zugriff.tsv</c>.</summary>
    /// <exception cref="InvalidDataException">A line that cannot be read; the message names it, in German.</exception>
    public static CorpusAccess Read(string root)
    {
        var path = Path.Combine(root, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path, Encoding.UTF8)) : Public;
    }

    /// <exception cref="InvalidDataException">A line that cannot be read; the message names it, in German.</exception>
    public static CorpusAccess Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<(string Path, IReadOnlyList<string> Groups)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Only the end is trimmed: a line that starts with a tab names the whole root.
            var line = lines[i].TrimEnd();
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length > 2)
            {
                throw Invalid(i, "hat mehr als zwei Spalten (Ordner, Tabulator, Gruppen)");
            }

            var folder = NormalizePath(fields[0]);
            if (folder is null)
            {
                throw Invalid(i, $"nennt „{fields[0].Trim()}“: erwartet wird ein Ordner oder eine Datei relativ zum Korpus, ohne „..“");
            }

            var names = fields.Length == 2 ? fields[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (fields.Length == 1 && line.Contains(' ', StringComparison.Ordinal))
            {
                throw Invalid(i, "trennt Ordner und Gruppen nicht durch einen Tabulator");
            }

            var isPublic = names.Length == 0 || (names.Length == 1 && string.Equals(names[0], PublicWord, StringComparison.OrdinalIgnoreCase));
            if (!isPublic && names.Any(name => string.Equals(name, PublicWord, StringComparison.OrdinalIgnoreCase)))
            {
                throw Invalid(i, $"nennt „{PublicWord}“ zusammen mit Gruppen");
            }

            if (!seen.Add(folder))
            {
                throw Invalid(i, $"nennt „{folder}“ ein zweites Mal");
            }

            rules.Add((folder, isPublic ? [] : DocumentAccess.NormalizeGroups(names)));
        }

        return rules.Count == 0 ? Public : new CorpusAccess(rules);
    }

    /// <summary>The groups of a document at this path relative to the root: those of the most specific line naming it or a folder above it.</summary>
    public IReadOnlyList<string> GroupsFor(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        IReadOnlyList<string> groups = [];
        var best = -1;
        foreach (var (path, ruleGroups) in _rules)
        {
            var covers = path.Length == 0
                || string.Equals(relativePath, path, StringComparison.Ordinal)
                || relativePath.StartsWith(path + "/", StringComparison.Ordinal);
            if (covers && path.Length > best)
            {
                best = path.Length;
                groups = ruleGroups;
            }
        }

        return groups;
    }

    /// <summary>
    /// What the store keeps as the document's hash: the file's hash, and for a restricted document its groups too, so
    /// that a changed line in <c>zugriff.tsv</c> makes the next run write the unchanged file again with its new access.
    /// A public document keeps the plain file hash (stores filled before permissions existed stay up to date).
    /// </summary>
    public static string StoredHash(string fileHash, IReadOnlyList<string> groups) =>
        groups.Count == 0 ? fileHash : $"{fileHash}{HashSeparator}{string.Join(',', groups)}";

    /// <summary>The file hash and the groups a stored hash (<see cref="StoredHash"/>) was made of.</summary>
    public static (string FileHash, IReadOnlyList<string> Groups) SplitStoredHash(string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var at = storedHash.IndexOf(HashSeparator, StringComparison.Ordinal);
        return at < 0 ? (storedHash, []) : (storedHash[..at], storedHash[(at + HashSeparator.Length)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private const string HashSeparator = ";zugriff=";

    /// <summary>
    /// These rules with the line for exactly <paramref name="relativePath"/> set to <paramref name="groups"/> (added,
    /// replaced, or removed when the groups are empty and nothing above restricts the path). The upload panel keeps one
    /// line per restricted upload this way.
    /// </summary>
    public CorpusAccess With(string relativePath, IReadOnlyList<string> groups)
    {
        var path = NormalizePath(relativePath) ?? throw new ArgumentException($"„{relativePath}“ ist kein Pfad im Korpus.", nameof(relativePath));
        var normalized = DocumentAccess.NormalizeGroups(groups);
        var rules = _rules.Where(rule => rule.Path != path).ToList();
        var inherited = new CorpusAccess(rules).GroupsFor(path);
        if (normalized.Count > 0 || inherited.Count > 0)
        {
            rules.Add((path, normalized));
        }

        return rules.Count == 0 ? Public : new CorpusAccess(rules);
    }

    /// <summary>The file's text: a comment that explains the format, then one line per rule.</summary>
    public string ToText()
    {
        var text = new StringBuilder("# Ordner oder Datei (relativ zu diesem Ordner)\tGruppen, kommagetrennt (öffentlich: für alle)\n");
        foreach (var (path, groups) in _rules)
        {
            text.Append(path.Length == 0 ? "." : path).Append('\t').Append(groups.Count == 0 ? PublicWord : string.Join(", ", groups)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the root's <c>zugriff.tsv</c> beside itself first and then moves it into place, so a run never reads half of it.</summary>
    public void Write(string root)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, FileName);
        var temporary = Path.Combine(root, $".{FileName}.{Guid.NewGuid():N}");
        File.WriteAllText(temporary, ToText(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Forward slashes, no leading or trailing slash, NFC like document ids; null for a path that climbs out.</summary>
    private static string? NormalizePath(string value)
    {
        var path = value.Trim().Replace('\\', '/').Trim('/').Normalize(NormalizationForm.FormC);
        if (path == ".")
        {
            return string.Empty;
        }

        var segments = path.Split('/');
        return segments.Any(segment => segment is ".." or "." || segment.Length == 0) && path.Length > 0 ? null : path;
    }

    private static InvalidDataException Invalid(int lineIndex, string problem) =>
        new($"{FileName}, Zeile {lineIndex + 1}, {problem}. Die Indizierung wurde nicht begonnen, damit kein Dokument mit falschem Zugriff sichtbar wird.");
}
