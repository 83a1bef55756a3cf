using System.Text;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.History;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>One question and its answer as the page shows it: streamed text first, then the verified answer.</summary>
public sealed class ChatTurn
{
    private readonly StringBuilder _streamed = new();

    /// <param name="id">Given for a question pending on the server (its turn id there); new otherwise.</param>
    public ChatTurn(string question, SearchFilter? filter, Guid? id = null)
    {
        Question = question;
        Filter = filter;
        Id = id ?? Guid.NewGuid();
    }

    public Guid Id { get; }

    public string Question { get; }

    public SearchFilter? Filter { get; }

    public ChatTurnState State { get; private set; } = ChatTurnState.Streaming;

    public AnswerMode? Mode { get; private set; }

    /// <summary>Sources as retrieved, before verification.</summary>
    public IReadOnlyList<AnswerCitation> Sources { get; private set; } = [];

    public string StreamedText => _streamed.ToString();

    public Answer? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> FollowUps { get; set; } = [];

    /// <summary>The id under which this answer's vote is stored, so that changing it replaces it.</summary>
    public Guid VoteId { get; } = Guid.NewGuid();

    public FeedbackKind? Vote { get; set; }

    /// <summary>Markers reported as "Zitat falsch", with the feedback id to withdraw it.</summary>
    public Dictionary<int, Guid> WrongCitations { get; } = [];

    /// <summary>The citations to show: verified ones once final, the retrieved ones before.</summary>
    public IReadOnlyList<AnswerCitation> Citations => Answer?.Citations ?? Sources;

    public bool IsStreaming => State == ChatTurnState.Streaming;

    public static ChatTurn FromStored(StoredTurn stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var turn = new ChatTurn(stored.Answer.Question, null);
        turn.Complete(stored.Answer, stored.AnsweredAt);
        return turn;
    }

    public void Apply(AnswerUpdate update, DateTimeOffset now)
    {
        switch (update)
        {
            case SourcesUpdate sources:
                Sources = sources.Sources;
                Mode = sources.Mode;
                break;
            case TextUpdate text:
                _streamed.Append(text.Delta);
                break;
            case FinalUpdate final:
                Complete(final.Answer, now);
                break;
        }
    }

    public void Cancel()
    {
        if (State == ChatTurnState.Streaming)
        {
            State = ChatTurnState.Cancelled;
        }
    }

    public void Fail(string message)
    {
        State = ChatTurnState.Failed;
        Error = message;
    }

    public StoredTurn? ToStored() => Answer is { } answer && AnsweredAt is { } at ? new StoredTurn(answer, at) : null;

    private void Complete(Answer answer, DateTimeOffset at)
    {
        Answer = answer;
        Mode = answer.Mode;
        AnsweredAt = at;
        State = ChatTurnState.Completed;
    }
}
