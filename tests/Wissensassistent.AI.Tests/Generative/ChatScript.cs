namespace Wissensassistent.AI.Tests.Generative;

/// <summary>What the scripted server does with the next chat completion request.</summary>
/// <param name="Pieces">Content deltas, one SSE event each.</param>
/// <param name="StatusCode">Anything but 200 answers with that status and no stream.</param>
/// <param name="HoldBeforeResponse">Never answer: the client's timeout must end the wait.</param>
/// <param name="StallAfterPieces">Stream this many pieces, then hold the connection open without sending more.</param>
public sealed record ChatScript(
    IReadOnlyList<string> Pieces,
    int StatusCode = 200,
    bool HoldBeforeResponse = false,
    int? StallAfterPieces = null)
{
    /// <summary>Streams <paramref name="answer"/> in pieces of about a word.</summary>
    public static ChatScript Streaming(string answer) => new(SplitIntoPieces(answer));

    private static List<string> SplitIntoPieces(string answer)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i <= answer.Length; i++)
        {
            if (i == answer.Length || answer[i] == ' ')
            {
                pieces.Add(answer[start..i]);
                start = i;
            }
        }

        return pieces;
    }
}
