using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Web.Admin;

/// <summary>
/// Puts an uploaded document into the uploads folder of the data folder, the second corpus root (the shipped corpus is
/// never written): only the types ingestion reads, up to the configured size, under a plain file name (no path, no
/// traversal) in the root or in a folder named like one of the shipped corpus's top-level folders, so that it is read as
/// a document of that family. An existing file is replaced only when that is confirmed. The file is written beside the
/// target under a hidden name and moved into place, so a reindex never reads half a file. Before that it is read as the
/// reindex will read it: a file ingestion would reject (binary, no text, a broken PDF) is refused with that reason, and
/// an existing upload it was to replace stays as it is.
/// </summary>
public sealed partial class CorpusUploads(IOptions<AdminOptions> options, CorpusRoots roots, CorpusDocumentParserFactory parsers, ILogger<CorpusUploads> logger)
{
    public static readonly IReadOnlyList<string> AllowedExtensions = [".md", ".txt", ".pdf", ".docx"];

    private const int MaxFileNameLength = 150;

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>Top-level folders of the shipped corpus, sorted; uploads go to the same folder name or the root ("").</summary>
    public IReadOnlyList<string> ListFolders()
    {
        var root = roots.Corpus;
        if (!Directory.Exists(root))
        {
            return [];
        }

        return [.. new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.') && (d.Attributes & (FileAttributes.Hidden | FileAttributes.ReparsePoint)) == 0)
            .Select(d => d.Name)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>One writer of the uploads' zugriff.tsv at a time.</summary>
    private static readonly SemaphoreSlim AccessFileLock = new(1, 1);

    /// <summary>
    /// Checks the name and size, then copies <paramref name="content"/> (at most <see cref="MaxBytes"/>) into place.
    /// <paramref name="accessGroups"/> (empty: public within the administration) are written to the uploads folder's
    /// <c>zugriff.tsv</c> before the file is moved into place, so that no run ever reads a restricted upload as public.
    /// </summary>
    public async Task<CorpusUploadResult> SaveAsync(string fileName, string? folder, long declaredSize, Stream content, bool replace, IReadOnlyList<string>? accessGroups = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (CheckName(fileName) is { } nameProblem)
        {
            return Rejected(nameProblem);
        }

        var name = fileName.Normalize(NormalizationForm.FormC);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension))
        {
            return Rejected($"Dateien vom Typ „{(extension.Length == 0 ? "ohne Endung" : extension)}“ werden nicht angenommen. Erlaubt sind {string.Join(", ", AllowedExtensions)}.");
        }

        if (declaredSize > MaxBytes)
        {
            return Rejected(TooLarge(declaredSize));
        }

        if (declaredSize == 0)
        {
            return Rejected("Die Datei ist leer.");
        }

        var root = Path.GetFullPath(roots.Uploads);
        var target = TargetFolder(root, folder);
        if (target is null)
        {
            return Rejected($"Den Zielordner „{folder}“ gibt es im Korpus nicht.");
        }

        Directory.CreateDirectory(target);
        var path = Path.Combine(target, name);
        var relative = CorpusRoots.UploadPrefix + Path.GetRelativePath(root, path).Replace('\\', '/');
        var exists = File.Exists(path);
        if (exists && !replace)
        {
            return new CorpusUploadResult(CorpusUploadStatus.Exists, $"„{relative}“ gibt es schon. Zum Ersetzen bitte „Vorhandene Datei ersetzen“ wählen und erneut hochladen.", relative);
        }

        var temporary = Path.Combine(target, $".{Guid.NewGuid():N}.upload");
        try
        {
            var written = await CopyAsync(content, temporary, cancellationToken).ConfigureAwait(false);
            if (written > MaxBytes)
            {
                return Rejected(TooLarge(written));
            }

            if (await UnreadableAsync(relative, temporary, cancellationToken).ConfigureAwait(false) is { } reason)
            {
                return Rejected($"„{name}“ kann nicht eingelesen werden: {reason} Die Datei wurde nicht gespeichert{(exists ? $"; „{relative}“ bleibt unverändert" : string.Empty)}.");
            }

            await SetAccessAsync(Path.GetRelativePath(root, path).Replace('\\', '/'), accessGroups ?? [], cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            return new CorpusUploadResult(CorpusUploadStatus.Exists, $"„{relative}“ gibt es schon.", relative);
        }
        finally
        {
            File.Delete(temporary);
        }

        LogSaved(logger, relative, exists);
        return exists
            ? new CorpusUploadResult(CorpusUploadStatus.Replaced, $"„{relative}“ wurde ersetzt.", relative)
            : new CorpusUploadResult(CorpusUploadStatus.Saved, $"„{relative}“ wurde hochgeladen und wird eingelesen.", relative);
    }

    /// <summary>Null when ingestion reads the file at <paramref name="documentId"/>; otherwise its German reason.</summary>
    private async Task<string?> UnreadableAsync(string documentId, string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            parsers.Create(roots.Corpus).Parse(documentId, bytes);
            return null;
        }
        catch (DocumentRejectedException rejected)
        {
            return rejected.Reason;
        }
    }

    /// <summary>The groups an upload (path relative to the uploads folder) is read by; empty: public.</summary>
    public IReadOnlyList<string> AccessOf(string relativePath) => CorpusAccess.Read(roots.Uploads).GroupsFor(relativePath);

    private async Task SetAccessAsync(string relativePath, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        await AccessFileLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Directory.Exists(roots.Uploads) ? CorpusAccess.Read(roots.Uploads) : CorpusAccess.Public;
            var before = current.GroupsFor(relativePath);
            var changed = current.With(relativePath, groups);
            var after = changed.GroupsFor(relativePath);
            if (!before.SequenceEqual(after, StringComparer.Ordinal))
            {
                changed.Write(roots.Uploads);
                AccessChanged(CorpusRoots.UploadPrefix + relativePath, before, after);
            }
        }
        finally
        {
            AccessFileLock.Release();
        }
    }

    /// <summary>
    /// Hook for the audit trail (issue 12, item 2): an upload's document groups changed (a new restricted upload, or a
    /// replacement with other groups). Nothing is recorded here yet.
    /// </summary>
    private static void AccessChanged(string documentId, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        _ = (documentId, before, after);
    }

    /// <summary>Null when the name is a plain, safe file name; otherwise the German reason.</summary>
    public static string? CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "Die Datei hat keinen Namen.";
        }

        var plain = fileName == Path.GetFileName(fileName)
            && !fileName.Contains('/', StringComparison.Ordinal)
            && !fileName.Contains('\\', StringComparison.Ordinal)
            && !fileName.Contains("..", StringComparison.Ordinal)
            && !fileName.StartsWith('.')
            && fileName == fileName.Trim()
            && fileName.Length <= MaxFileNameLength
            && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && !fileName.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
        return plain ? null : $"Der Dateiname „{fileName}“ ist nicht zulässig: bitte einen einfachen Namen ohne Ordnerangaben, „..“ oder Sonderzeichen verwenden (höchstens {MaxFileNameLength} Zeichen).";
    }

    /// <summary>The uploads root, or its subfolder of a name the shipped corpus has at its top; null for anything else.</summary>
    private string? TargetFolder(string root, string? folder)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return root;
        }

        if (CheckName(folder) is not null || !ListFolders().Contains(folder, StringComparer.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, folder));
        return Path.GetDirectoryName(path) == root.TrimEnd(Path.DirectorySeparatorChar) ? path : null;
    }

    private async Task<long> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long total = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return total;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private string TooLarge(long size) =>
        string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Die Datei ist zu groß ({size / 1024d / 1024d:0.#} MB); erlaubt sind höchstens {options.Value.MaxUploadMegabytes} MB.");

    private static CorpusUploadResult Rejected(string reason) => new(CorpusUploadStatus.Rejected, reason);

    [LoggerMessage(EventId = 5320, Level = LogLevel.Information, Message = "Document {Path} uploaded (replaced: {Replaced})")]
    private static partial void LogSaved(ILogger logger, string path, bool replaced);
}
