using System.Runtime.CompilerServices;
using Wissensassistent.Core.Answering;

namespace Wissensassistent.Web.Tests.Fakes;

/// <summary>
/// Plays a script of updates; a script step may wait for the test to release it, so that a test can look at the
/// page while an answer is half written.
/// </summary>
public sealed class ScriptedAnswerService : IAnswerService
{
    private readonly Queue<IReadOnlyList<Step>> _scripts = new();

    public List<AnswerRequest> Requests { get; } = [];

    public bool SawCancellation { get; private set; }

    /// <summary>Queues the updates of the next answer; without a script, a plain final answer is given.</summary>
    public ScriptedAnswerService Answer(params Step[] steps)
    {
        _scripts.Enqueue(steps);
        return this;
    }

    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var steps = _scripts.Count > 0 ? _scripts.Dequeue() : [Step.Of(new FinalUpdate(SampleData.Answer(request.Question, "Antwort.")))];
        foreach (var step in steps)
        {
            if (step.Gate is { } gate)
            {
                try
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    SawCancellation = true;
                    throw;
                }
            }

            if (step.Failure is { } failure)
            {
                throw failure;
            }

            if (step.Update is { } update)
            {
                yield return update;
            }
        }
    }

    public sealed record Step(AnswerUpdate? Update, TaskCompletionSource? Gate = null, Exception? Failure = null)
    {
        public static Step Of(AnswerUpdate update) => new(update);

        public static Step WaitFor(TaskCompletionSource gate) => new(null, gate);

        public static Step Throw(Exception failure) => new(null, null, failure);
    }
}
