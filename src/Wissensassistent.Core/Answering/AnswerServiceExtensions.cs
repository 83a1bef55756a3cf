namespace Wissensassistent.Core.Answering;

public static class AnswerServiceExtensions
{
    /// <summary>The verified answer without the stream, for callers that only show the result (CLI, tests).</summary>
    public static async Task<Answer> AskAsync(this IAnswerService service, AnswerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        Answer? answer = null;
        await foreach (var update in service.AskStreamingAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (update is FinalUpdate final)
            {
                answer = final.Answer;
            }
        }

        return answer ?? throw new InvalidOperationException("Der Antwortdienst hat keine abschließende Antwort geliefert.");
    }
}
