using Microsoft.ML.Tokenizers;

namespace Wissensassistent.Ingestion.Chunking;

/// <summary>Counts cl100k tokens (the GPT-4 tokenizer), the budget unit of <see cref="ChunkingOptions.MaxTokens"/>.</summary>
internal static class TokenCounter
{
    // Loading the vocabulary takes a while; one instance serves all threads.
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4"));

    public static int Count(string text) => text.Length == 0 ? 0 : Tokenizer.Value.CountTokens(text);
}
