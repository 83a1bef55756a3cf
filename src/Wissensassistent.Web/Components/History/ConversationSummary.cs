namespace Wissensassistent.Web.Components.History;

/// <summary>One line of the history list.</summary>
public sealed record ConversationSummary(Guid Id, string Title, DateTimeOffset UpdatedAt, int Turns);
