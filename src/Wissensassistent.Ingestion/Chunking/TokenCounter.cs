using System.Text;
using Microsoft.ML.Tokenizers;

namespace Wissensassistent.Ingestion.Chunking;

/// <summary>Counts cl100k tokens (the GPT-4 tokenizer), the budget unit of <see cref="ChunkingOptions.MaxTokens"/>.</summary>
internal static class TokenCounter
{
    // Loading the vocabulary takes a while; one instance serves all threads.
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4"));

    public static int Count(string text) => text.Length == 0 ? 0 : Tokenizer.Value.CountTokens(text);

    /// <summary>Whether <paramref name="text"/> stays within <paramref name="maxTokens"/>, without counting all of a long text.</summary>
    public static bool Fits(string text, int maxTokens)
    {
        // A cl100k token covers at least one UTF-8 byte, so short texts need no tokenizing at all.
        if (text.Length <= maxTokens && Encoding.UTF8.GetByteCount(text) <= maxTokens)
        {
            return true;
        }

        return Tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _) >= text.Length;
    }
}
