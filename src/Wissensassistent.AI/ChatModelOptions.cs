namespace Wissensassistent.AI;

/// <summary>The chat model for generative answers (<c>LanguageModels:Chat</c>).</summary>
public sealed class ChatModelOptions
{
    public ChatProvider Provider { get; set; } = ChatProvider.None;

    /// <summary>
    /// Base URL of any OpenAI-compatible server, including the version path (<c>http://localhost:11434/v1</c> for Ollama,
    /// <c>https://name.openai.azure.com/openai/v1</c> for Azure OpenAI). Empty means api.openai.com, or
    /// <c>http://localhost:11434</c> for <see cref="ChatProvider.Ollama"/>.
    /// </summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Secret: never logged and excluded from <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Per HTTP attempt until the response starts; for OpenAI-compatible servers also the longest silence while it streams.
    /// (<c>Answering:ModelIdleTimeout</c> guards every provider against a stalled stream.)
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of transient failures (connection refused, 5xx, 429) before the answer falls back to extractive.</summary>
    public int MaxRetries { get; set; } = 2;

    public override string ToString() =>
        $"Provider={Provider}, Endpoint={EndpointDisplay.Redact(Endpoint)}, Model={Model ?? "(keines)"}, Timeout={Timeout}, MaxRetries={MaxRetries}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(keiner)" : "***")}";
}
