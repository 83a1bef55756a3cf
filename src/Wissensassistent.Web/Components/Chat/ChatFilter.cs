using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>What the user restricted the search to; becomes <see cref="AnswerRequest"/>'s filter.</summary>
public sealed class ChatFilter
{
    public IReadOnlyCollection<Level> Levels { get; set; } = [];

    public IReadOnlyCollection<string> Laws { get; set; } = [];

    public IReadOnlyCollection<DocumentType> Types { get; set; } = [];

    public bool IsEmpty => Levels.Count == 0 && Laws.Count == 0 && Types.Count == 0;

    public int Count => Levels.Count + Laws.Count + Types.Count;

    /// <summary>Null when nothing is restricted, so that the service searches everything.</summary>
    public SearchFilter? ToSearchFilter() => IsEmpty
        ? null
        : new SearchFilter
        {
            Levels = Levels.Order().ToList(),
            Laws = Laws.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            Types = Types.Order().ToList(),
        };

    public void Clear()
    {
        Levels = [];
        Laws = [];
        Types = [];
    }
}
