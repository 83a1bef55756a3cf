namespace Wissensassistent.Core.Answering;

/// <summary>Grounded answers with verified citations.</summary>
public interface IAnswerService
{
    /// <summary>Streams sources, text deltas and finally the verified <see cref="FinalUpdate"/>.</summary>
    IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AnswerRequest request, CancellationToken cancellationToken = default);
}
