using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Feedback;

/// <summary>
/// One piece of feedback. Deliberately without question or answer text: those may contain personal data of
/// citizens, and the passages they point to are enough to find weak spots of retrieval and verification.
/// </summary>
/// <param name="Id">Chosen by the caller; saving again under the same id replaces the entry (a changed vote).</param>
/// <param name="ChunkIds">The passages concerned: every cited passage for a vote, the one passage for <see cref="FeedbackKind.CitationWrong"/>.</param>
/// <param name="Citation">The formatted citation (<c>§ 35 Abs. 1 BauGB</c>) for <see cref="FeedbackKind.CitationWrong"/>, else null.</param>
public sealed record FeedbackEntry(
    Guid Id,
    FeedbackKind Kind,
    DateTimeOffset CreatedAt,
    AnswerMode Mode,
    IReadOnlyList<string> ChunkIds,
    string? Citation = null);
