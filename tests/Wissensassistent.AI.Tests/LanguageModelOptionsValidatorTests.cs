namespace Wissensassistent.AI.Tests;

public sealed class LanguageModelOptionsValidatorTests
{
    private readonly LanguageModelOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid_NoEmbeddingsAndNoChat()
    {
        var options = new LanguageModelOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(EmbeddingProvider.None, options.Embeddings.Provider);
        Assert.Equal(ChatProvider.None, options.Chat.Provider);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Chat.Timeout);
    }

    [Fact]
    public void Chat_WithoutModel_Fails()
    {
        var options = new LanguageModelOptions { Chat = { Provider = ChatProvider.OpenAI, Endpoint = "http://localhost:8000/v1" } };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("LanguageModels:Chat:Model", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:8000")]
    [InlineData("ftp://example.org/v1")]
    [InlineData("/v1")]
    public void Chat_WithEndpointThatIsNoHttpUrl_Fails(string endpoint)
    {
        var options = new LanguageModelOptions { Chat = { Provider = ChatProvider.OpenAI, Endpoint = endpoint, Model = "m" } };

        Assert.True(_validator.Validate(null, options).Failed);
    }

    [Fact]
    public void Chat_OpenAIWithoutEndpointAndKey_Fails()
    {
        var options = new LanguageModelOptions { Chat = { Provider = ChatProvider.OpenAI, Model = "gpt-4o-mini" } };

        var result = _validator.Validate(null, options);

        Assert.Contains("ApiKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(-5, 2)]
    [InlineData(60, -1)]
    [InlineData(60, 11)]
    public void Chat_WithTimeoutOrRetriesOutOfRange_Fails(int timeoutSeconds, int maxRetries)
    {
        var options = new LanguageModelOptions
        {
            Chat = { Provider = ChatProvider.Ollama, Model = "llama3.1", Timeout = TimeSpan.FromSeconds(timeoutSeconds), MaxRetries = maxRetries },
        };

        Assert.True(_validator.Validate(null, options).Failed);
    }

    [Fact]
    public void Chat_LocalServerWithoutKey_IsValid()
    {
        var options = new LanguageModelOptions { Chat = { Provider = ChatProvider.OpenAI, Endpoint = "http://127.0.0.1:11434/v1", Model = "qwen2.5" } };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void MiniLm_WithOtherDimensions_Fails()
    {
        var options = new LanguageModelOptions { Embeddings = { Provider = EmbeddingProvider.MiniLm, Dimensions = 768 } };

        var result = _validator.Validate(null, options);

        Assert.Contains("384", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Embeddings_OllamaWithoutModel_Fails()
    {
        var options = new LanguageModelOptions { Embeddings = { Provider = EmbeddingProvider.Ollama } };

        Assert.True(_validator.Validate(null, options).Failed);
    }

    [Fact]
    public void ToString_NeverShowsTheApiKey()
    {
        var options = new LanguageModelOptions
        {
            Embeddings = { Provider = EmbeddingProvider.OpenAI, ApiKey = "sk-embedding-secret", Model = "text-embedding-3-small" },
            Chat = { Provider = ChatProvider.OpenAI, ApiKey = "sk-chat-secret", Model = "gpt-4o-mini", Endpoint = "https://user:pw@example.org/v1?key=q" },
        };

        var text = options.ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key=q", text, StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini", text, StringComparison.Ordinal);
    }
}
