using Wissensassistent.Core.Documents;

namespace Wissensassistent.Core.Storage;

/// <summary>Restrictions applied inside retrieval, not after it. Empty lists mean "any".</summary>
public sealed record SearchFilter
{
    public static readonly SearchFilter None = new();

    /// <summary>Law abbreviations as cited (<c>BauGB</c>); compared case-insensitively.</summary>
    public IReadOnlyList<string> Laws { get; init; } = [];

    public IReadOnlyList<Level> Levels { get; init; } = [];

    public IReadOnlyList<DocumentType> Types { get; init; } = [];

    /// <summary>Only texts in force on this day (ValidFrom ≤ day ≤ ValidUntil, unknown bounds pass).</summary>
    public DateOnly? InForceOn { get; init; }

    /// <summary>Repealed norms ("weggefallen") are never offered as content unless asked for.</summary>
    public bool IncludeRepealed { get; init; }

    public bool IsEmpty => Laws.Count == 0 && Levels.Count == 0 && Types.Count == 0 && InForceOn is null;
}
