namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// The physical path of a file or folder with every symbolic link on the way resolved (like <c>realpath(3)</c>),
/// so that "inside the corpus root" is decided on what will actually be read, not on how it is named.
/// </summary>
internal static class RealPath
{
    /// <summary>The same bound as Linux (<c>ELOOP</c>): a chain of more links is treated as a loop.</summary>
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or <see langword="null"/> when a component is missing (a dangling link) or links loop.</summary>
    public static string? Resolve(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> itself or lies below it (both resolved).</summary>
    public static bool IsWithin(string root, string path)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(trimmedRoot, comparison)
            || (path.StartsWith(trimmedRoot, comparison) && path.Length > trimmedRoot.Length && IsSeparator(path[trimmedRoot.Length]))
            || (Path.GetPathRoot(root) == root && path.StartsWith(root, comparison));
    }

    public static StringComparer Comparer =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static string? Resolve(string fullPath, ref int links)
    {
        var current = Path.GetPathRoot(fullPath) ?? string.Empty;
        var parts = fullPath[current.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Join(current, part);
            var target = LinkTargetOf(next);
            if (target is null)
            {
                if (!File.Exists(next) && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the folder holding the link, which is already resolved.
            var resolved = Resolve(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(current, target)), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;
}
