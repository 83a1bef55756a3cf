using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Wissensassistent.AI.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddLanguageModels_WithoutConfiguration_RegistersMiniLmAndNoChatClient()
    {
        using var services = Build([]);

        Assert.Null(services.GetService<IChatClient>());
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("minilm-l6-v2", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void AddLanguageModels_ChatProviderNone_RegistersNoChatClient()
    {
        using var services = Build(new() { ["LanguageModels:Chat:Provider"] = "None", ["LanguageModels:Chat:Model"] = "ignored" });

        Assert.Null(services.GetService<IChatClient>());
    }

    [Fact]
    public void AddLanguageModels_EmbeddingsNone_RegistersNoGenerator()
    {
        using var services = Build(new() { ["LanguageModels:Embeddings:Provider"] = "None" });

        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddLanguageModels_OpenAICompatibleChat_RegistersChatClientForTheModel()
    {
        using var services = Build(new()
        {
            ["LanguageModels:Chat:Provider"] = "OpenAI",
            ["LanguageModels:Chat:Endpoint"] = "http://127.0.0.1:9/v1",
            ["LanguageModels:Chat:Model"] = "test-model",
        });

        var client = services.GetRequiredService<IChatClient>();

        Assert.Equal("test-model", client.GetService<ChatClientMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void AddLanguageModels_OllamaChat_RegistersChatClient()
    {
        using var services = Build(new()
        {
            ["LanguageModels:Chat:Provider"] = "Ollama",
            ["LanguageModels:Chat:Model"] = "llama3.1",
        });

        Assert.NotNull(services.GetService<IChatClient>());
    }

    [Fact]
    public void AddLanguageModels_InvalidChatConfiguration_FailsValidation()
    {
        using var services = Build(new() { ["LanguageModels:Chat:Provider"] = "OpenAI", ["LanguageModels:Chat:Endpoint"] = "http://127.0.0.1:9/v1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageModelOptions>>().Value);

        Assert.Contains("Model fehlt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLanguageModels_UnknownProvider_FailsWithGermanMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["LanguageModels:Chat:Provider"] = "Skynet" }));

        Assert.Contains("LanguageModels", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLanguageModels(configuration).BuildServiceProvider(validateScopes: true);
    }
}
