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

    /// <summary>
    /// A local ONNX model from a folder (<see cref="EmbeddingModelOptions.ModelPath"/>: <c>model.onnx</c> and its
    /// tokenizer files), in-process on the ONNX runtime: BERT-family (WordPiece) or XLM-R family (SentencePiece) models.
    /// </summary>
    Onnx,
}
