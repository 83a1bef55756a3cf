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

    /// <summary>
    /// Who reads. Applied inside ranking like every other restriction, in both stores; the default is the anonymous
    /// reader, so a path that forgets to say who reads sees public documents only.
    /// </summary>
    public DocumentAccess Access { get; init; } = DocumentAccess.Public;

    /// <summary>True when no restriction a user chose applies (<see cref="Access"/> is not a choice and does not count).</summary>
    public bool IsEmpty => Laws.Count == 0 && Levels.Count == 0 && Types.Count == 0 && InForceOn is null;
}
