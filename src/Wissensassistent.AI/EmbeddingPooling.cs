namespace Wissensassistent.AI;

/// <summary>How the token vectors of a local ONNX model become one vector per input.</summary>
public enum EmbeddingPooling
{
    /// <summary>Average over the real (unpadded) tokens: sentence-transformers' default, used by e5 and MiniLM.</summary>
    Mean,

    /// <summary>The vector of the first token (<c>[CLS]</c> or <c>&lt;s&gt;</c>), used by bge-m3.</summary>
    Cls,
}
