namespace Wissensassistent.AI;

/// <summary>Where generative answers come from.</summary>
public enum ChatProvider
{
    /// <summary>No language model: answers are extractive.</summary>
    None,

    /// <summary>Any OpenAI-compatible chat completions server (OpenAI, Azure OpenAI, vLLM, llama.cpp, LM Studio, Ollama <c>/v1</c>).</summary>
    OpenAI,

    /// <summary>An Ollama server's native API.</summary>
    Ollama,
}
