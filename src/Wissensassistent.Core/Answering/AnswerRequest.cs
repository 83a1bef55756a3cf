using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Answering;

public sealed record AnswerRequest(string Question, IReadOnlyList<ConversationTurn>? History = null, SearchFilter? Filter = null, int Passages = 6)
{
    /// <summary>Longer questions are refused with a clear message instead of being processed.</summary>
    public const int MaxQuestionLength = 50_000;
}
