namespace Wissensassistent.Web.History;

/// <summary>A question whose answer was not stored yet: still running on the server, or cut short by a restart.</summary>
public sealed record PendingQuestion(Guid TurnId, string Question, DateTimeOffset AskedAt);
