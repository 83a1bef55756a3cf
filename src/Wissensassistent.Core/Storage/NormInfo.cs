using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Storage;

/// <summary>One norm of a law: its address, title and whether it is repealed.</summary>
public sealed record NormInfo(Citation Citation, string? Title, bool IsRepealed)
{
    /// <summary>Visible when any of its documents is: empty (public) when one is public, else the union of their groups.</summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];
}
