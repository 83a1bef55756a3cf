namespace Wissensassistent.Core.Feedback;

public enum FeedbackKind
{
    /// <summary>Thumbs up on an answer.</summary>
    AnswerHelpful,

    /// <summary>Thumbs down on an answer.</summary>
    AnswerNotHelpful,

    /// <summary>"Zitat falsch": the cited passage does not carry the statement it is cited for.</summary>
    CitationWrong,
}
