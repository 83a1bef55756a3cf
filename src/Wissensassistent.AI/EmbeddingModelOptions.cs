namespace Wissensassistent.AI;

/// <summary>The embedding model (<c>LanguageModels:Embeddings</c>).</summary>
public sealed class EmbeddingModelOptions
{
    /// <summary>
    /// None by default: the only model that ships (MiniLM) is English and measured no better than lexical search on
    /// German questions, while embedding the corpus costs an hour of CPU. Dense retrieval is turned on here.
    /// </summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.None;

    /// <summary>Base URL of the server; for OpenAI-compatible servers including <c>/v1</c>. Empty means the provider's default.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Model name at the provider; ignored for <see cref="EmbeddingProvider.MiniLm"/>. For
    /// <see cref="EmbeddingProvider.Onnx"/> the name stored vectors are filed under (default: the model folder's name).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Secret: never logged and excluded from <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requested vector size; must be 384 (or empty) for MiniLM.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Per HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// <see cref="EmbeddingProvider.Onnx"/>: the model folder with <c>model.onnx</c> (or <c>onnx/model.onnx</c>) and its
    /// tokenizer files (<c>vocab.txt</c>, <c>sentencepiece.bpe.model</c> or <c>tokenizer.json</c>). Relative paths are
    /// resolved against the working directory.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// <see cref="EmbeddingProvider.Onnx"/>: how token vectors become one vector (e5: Mean, bge-m3: Cls). Empty means what
    /// the folder's <c>1_Pooling/config.json</c> says, and Mean without one.
    /// </summary>
    public EmbeddingPooling? Pooling { get; set; }

    /// <summary><see cref="EmbeddingProvider.Onnx"/>: put before every search query (e5: <c>"query: "</c>).</summary>
    public string QueryPrefix { get; set; } = string.Empty;

    /// <summary><see cref="EmbeddingProvider.Onnx"/>: put before every stored passage (e5: <c>"passage: "</c>).</summary>
    public string PassagePrefix { get; set; } = string.Empty;

    /// <summary>
    /// <see cref="EmbeddingProvider.Onnx"/>: tokens per input including the special tokens; longer inputs are cut.
    /// Empty means the tokenizer configuration's <c>model_max_length</c>, at most 512.
    /// </summary>
    public int? MaxSequenceLength { get; set; }

    /// <summary>
    /// <see cref="EmbeddingProvider.Onnx"/> and <see cref="EmbeddingProvider.MiniLm"/>: threads the ONNX runtime uses for
    /// one batch of passages (the background embedding phase); one leaves the other core to answering.
    /// </summary>
    public int IntraOpNumThreads { get; set; } = 1;

    /// <summary><see cref="EmbeddingProvider.Onnx"/>: inputs per model run; inputs are sorted by length and padded per batch.</summary>
    public int BatchSize { get; set; } = 16;

    public override string ToString() =>
        $"Provider={Provider}, Endpoint={EndpointDisplay.Redact(Endpoint)}, Model={Model ?? "(Standard)"}, Dimensions={Dimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(Standard)"}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(keiner)" : "***")}";
}
