using Wissensassistent.Core.Documents;

namespace Wissensassistent.Core.Storage;

/// <summary>A law (or guideline) the store holds, aggregated over its source files.</summary>
public sealed record LawInfo(string Law, string Title, IReadOnlyList<string> Aliases, Level Level, DocumentType Type, string? Stand, int Chunks)
{
    /// <summary>Visible when any of its documents is: empty (public) when one is public, else the union of their groups.</summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];
}
