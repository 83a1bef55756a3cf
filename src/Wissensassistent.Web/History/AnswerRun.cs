using System.Runtime.CompilerServices;
using Wissensassistent.Core.Answering;

namespace Wissensassistent.Web.History;

/// <summary>
/// One answer being written for a signed-in user, independent of the page that asked: a reload or a closed tab does
/// not stop it. It keeps every update, so a page that attaches later (after a reload) sees the answer from its start.
/// </summary>
public sealed class AnswerRun : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<AnswerUpdate> _updates = [];
    private readonly CancellationTokenSource _cancellation = new();
    private TaskCompletionSource _changed = NewSignal();

    public AnswerRun(string owner, Guid conversationId, Guid turnId, string question)
    {
        Owner = owner;
        ConversationId = conversationId;
        TurnId = turnId;
        Question = question;
    }

    public string Owner { get; }

    public Guid ConversationId { get; }

    public Guid TurnId { get; }

    public string Question { get; }

    public bool IsFinished { get; private set; }

    public Answer? Answer { get; private set; }

    /// <summary>Why no answer came (German), or null.</summary>
    public string? Error { get; private set; }

    public bool IsCancelled { get; private set; }

    internal CancellationToken Token => _cancellation.Token;

    /// <summary>Stops the answer (the user pressed „Stopp“).</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished and cleaned up already.
        }
    }

    /// <summary>Every update so far, then the live ones, until the run ends or <paramref name="cancellationToken"/> (the page) goes.</summary>
    public async IAsyncEnumerable<AnswerUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            AnswerUpdate[] fresh;
            Task changed;
            bool finished;
            lock (_gate)
            {
                fresh = [.. _updates.Skip(next)];
                next = _updates.Count;
                changed = _changed.Task;
                finished = IsFinished;
            }

            foreach (var update in fresh)
            {
                yield return update;
            }

            if (finished)
            {
                yield break;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _cancellation.Dispose();

    internal void Add(AnswerUpdate update)
    {
        lock (_gate)
        {
            _updates.Add(update);
            if (update is FinalUpdate final)
            {
                Answer = final.Answer;
            }

            Signal();
        }
    }

    internal void Finish(string? error, bool cancelled)
    {
        lock (_gate)
        {
            (Error, IsCancelled, IsFinished) = (error, cancelled, true);
            Signal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }
}
