using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Wissensassistent.Testing;

/// <summary>A chat model that streams a fixed answer in small pieces, or fails; remembers what it was sent.</summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly string? _answer;
    private readonly Exception? _failure;
    private readonly int _failAfterPieces;
    private readonly bool _stall;

    private ScriptedChatClient(string? answer, Exception? failure, int failAfterPieces, bool stall = false)
    {
        _answer = answer;
        _failure = failure;
        _failAfterPieces = failAfterPieces;
        _stall = stall;
    }

    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Requests { get; } = new();

    /// <summary>Streams <paramref name="answer"/> in pieces of a few characters.</summary>
    public static ScriptedChatClient Answering(string answer) => new(answer, null, int.MaxValue);

    /// <summary>Throws <paramref name="failure"/> before the first piece.</summary>
    public static ScriptedChatClient Failing(Exception failure) => new(null, failure, 0);

    /// <summary>Streams some pieces of <paramref name="answer"/>, then throws <paramref name="failure"/>.</summary>
    public static ScriptedChatClient FailingAfter(string answer, int pieces, Exception failure) => new(answer, failure, pieces);

    /// <summary>Streams some pieces of <paramref name="answer"/>, then waits until cancelled, like a server that hangs.</summary>
    public static ScriptedChatClient StallingAfter(string answer, int pieces) => new(answer, null, pieces, stall: true);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(messages.ToList());
        await Task.Yield();
        var pieces = Pieces(_answer ?? string.Empty).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_failure is not null && i >= _failAfterPieces)
            {
                throw _failure;
            }

            if (_stall && i >= _failAfterPieces)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, pieces[i]);
        }

        if (_failure is not null)
        {
            throw _failure;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static IEnumerable<string> Pieces(string text)
    {
        const int PieceLength = 7;
        for (var i = 0; i < text.Length; i += PieceLength)
        {
            yield return text.Substring(i, Math.Min(PieceLength, text.Length - i));
        }
    }
}
