namespace Wissensassistent.Core.Answering;

/// <summary>One step of a streamed answer: sources first, then text deltas, then the verified final answer.</summary>
public abstract record AnswerUpdate;

/// <summary>The passages retrieved for the question, numbered as the answer will cite them.</summary>
public sealed record SourcesUpdate(IReadOnlyList<AnswerCitation> Sources, AnswerMode Mode) : AnswerUpdate;

/// <summary>A piece of answer text as it is written (not yet verified).</summary>
public sealed record TextUpdate(string Delta) : AnswerUpdate;

/// <summary>The verified answer; replaces everything streamed before it.</summary>
public sealed record FinalUpdate(Answer Answer) : AnswerUpdate;
