using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Storage;

/// <summary>
/// Who reads: the groups of the signed-in user (or API key, or <c>wissen --as</c>). A document without access groups is
/// public within the administration; a restricted one is seen only by members of one of its groups. There is no
/// role that sees everything: an administrator reads a restricted document only as a member of its group.
/// Group names compare case-insensitively (stored folded to lower case).
/// </summary>
public sealed class DocumentAccess : IEquatable<DocumentAccess>
{
    /// <summary>Anonymous readers and every reader without groups: public documents only.</summary>
    public static readonly DocumentAccess Public = new([]);

    private readonly HashSet<string> _groups;

    private DocumentAccess(IReadOnlyList<string> groups)
    {
        Groups = groups;
        _groups = new HashSet<string>(groups, StringComparer.Ordinal);
        Key = string.Join(',', groups);
    }

    /// <summary>The reader's groups, folded and sorted.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>The groups as one comparable string, for caches keyed by reader.</summary>
    public string Key { get; }

    public static DocumentAccess ForGroups(IEnumerable<string>? groups)
    {
        var normalized = NormalizeGroups(groups);
        return normalized.Count == 0 ? Public : new DocumentAccess(normalized);
    }

    /// <summary>True when a text with these access groups may be shown to this reader (no groups: public).</summary>
    public bool Permits(IReadOnlyList<string> accessGroups)
    {
        ArgumentNullException.ThrowIfNull(accessGroups);
        if (accessGroups.Count == 0)
        {
            return true;
        }

        foreach (var group in accessGroups)
        {
            if (_groups.Contains(group))
            {
                return true;
            }
        }

        return false;
    }

    public bool Permits(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Permits(chunk.AccessGroups);
    }

    /// <summary>The chunks this reader may see, in their order; reads that return a whole set (a norm, neighbours) use it.</summary>
    public IReadOnlyList<Chunk> Filter(IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return chunks.All(Permits) ? chunks : [.. chunks.Where(Permits)];
    }

    /// <summary>
    /// Trimmed, lower case, without empty names, duplicates or characters that separate lists (comma, tab, line breaks),
    /// sorted: the one form stored in both stores and compared against.
    /// </summary>
    public static IReadOnlyList<string> NormalizeGroups(IEnumerable<string>? groups) =>
        groups is null
            ? []
            : [.. groups
                .Select(group => group?.Trim().ToLowerInvariant() ?? string.Empty)
                .Where(group => group.Length > 0 && group.IndexOfAny([',', '\t', '\r', '\n']) < 0)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The access groups of something made of several documents (a law over several files, a norm): visible when any part
    /// is. Public when one part is public, else the union of the parts' groups.
    /// </summary>
    public static IReadOnlyList<string> Combine(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.Count == 0 || second.Count == 0 ? [] : NormalizeGroups(first.Concat(second));
    }

    public bool Equals(DocumentAccess? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => obj is DocumentAccess other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Groups.Count == 0 ? "öffentlich" : $"Gruppen {Key}";
}
