namespace Wissensassistent.Web.Components.History;

/// <summary>A conversation as kept in the browser: its verified answers with their passages.</summary>
public sealed record StoredConversation(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<StoredTurn> Turns)
{
    public ConversationSummary Summary => new(Id, Title, UpdatedAt, Turns.Count);
}
