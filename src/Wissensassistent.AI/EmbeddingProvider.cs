namespace Wissensassistent.AI;

/// <summary>Where embeddings come from.</summary>
public enum EmbeddingProvider
{
    /// <summary>The built-in all-MiniLM-L6-v2 model (384 dimensions, runs in-process, no network).</summary>
    MiniLm,

    /// <summary>Any OpenAI-compatible <c>/embeddings</c> endpoint.</summary>
    OpenAI,

    /// <summary>An Ollama server's native API.</summary>
    Ollama,

    /// <summary>No embeddings: search stays lexical.</summary>
    None,
}
