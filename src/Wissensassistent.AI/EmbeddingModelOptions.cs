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

    /// <summary>Model name at the provider; ignored for <see cref="EmbeddingProvider.MiniLm"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Secret: never logged and excluded from <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requested vector size; must be 384 (or empty) for MiniLM.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Per HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; set; } = 2;

    public override string ToString() =>
        $"Provider={Provider}, Endpoint={EndpointDisplay.Redact(Endpoint)}, Model={Model ?? "(Standard)"}, Dimensions={Dimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(Standard)"}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(keiner)" : "***")}";
}
