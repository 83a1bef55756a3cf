using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Answering;

/// <param name="Passages">Relevant passages that may ground the answer (at most three per norm; the best norms are read whole).</param>
public sealed record AnswerRequest(string Question, IReadOnlyList<ConversationTurn>? History = null, SearchFilter? Filter = null, int Passages = 10)
{
    /// <summary>Longer questions are refused with a clear message instead of being processed.</summary>
    public const int MaxQuestionLength = 50_000;
}
