namespace Wissensassistent.Core.Answering;

/// <summary>An earlier question and its answer text; follow-ups are resolved against these.</summary>
public sealed record ConversationTurn(string Question, string Answer);
