namespace Wissensassistent.Core.Indexing;

/// <summary>What changed between two index generations, norm by norm (<c>§ 35 BauGB</c>), each list sorted.</summary>
public sealed record NormChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public static readonly NormChanges None = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}
