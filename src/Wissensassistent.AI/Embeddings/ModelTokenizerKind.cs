namespace Wissensassistent.AI.Embeddings;

/// <summary>The tokenizer family of a local ONNX model.</summary>
public enum ModelTokenizerKind
{
    /// <summary>BERT family (MiniLM, gbert, …): <c>[CLS] … [SEP]</c>, padding <c>[PAD]</c>.</summary>
    WordPiece,

    /// <summary>XLM-R family (multilingual-e5, bge-m3): <c>&lt;s&gt; … &lt;/s&gt;</c>, padding <c>&lt;pad&gt;</c>.</summary>
    SentencePiece,
}
