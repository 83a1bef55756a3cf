using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.AI.Embeddings;
using Wissensassistent.AI.Tests.Embeddings.Onnx;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddLanguageModels_WithoutConfiguration_RegistersNoModels_SoSearchIsLexical()
    {
        using var services = Build([]);

        Assert.Null(services.GetService<IChatClient>());
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddLanguageModels_MiniLm_RegistersTheBuiltInModel()
    {
        using var services = Build(new() { ["LanguageModels:Embeddings:Provider"] = "MiniLm" });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("minilm-l6-v2", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Theory]
    [InlineData("LanguageModels:Embeddings:Provider")]
    [InlineData("LanguageModels:Chat:Provider")]
    public void AddLanguageModels_UnknownProvider_SaysInGermanWhichSettingAndWhatIsAllowed(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { [key] = "Lama" }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("„Lama“", error.Message, StringComparison.Ordinal);
        Assert.Contains("erlaubt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to convert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLanguageModels_EmptyProvider_IsTheDefault()
    {
        // "LanguageModels__Embeddings__Provider=" from a compose file's empty variable means: not set.
        using var services = Build(new() { ["LanguageModels:Embeddings:Provider"] = "", ["LanguageModels:Chat:Provider"] = " " });

        Assert.Null(services.GetService<IChatClient>());
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
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

    [Theory]
    [InlineData("OpenAI", "http://127.0.0.1:9/v1", "text-embedding-3-small")]
    [InlineData("Ollama", "http://127.0.0.1:9", "nomic-embed-text")]
    public void AddLanguageModels_RemoteEmbeddings_RegistersGeneratorForTheModel(string provider, string endpoint, string model)
    {
        using var services = Build(new()
        {
            ["LanguageModels:Embeddings:Provider"] = provider,
            ["LanguageModels:Embeddings:Endpoint"] = endpoint,
            ["LanguageModels:Embeddings:Model"] = model,
        });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.Equal(model, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void AddAnswering_WithoutChatModel_ResolvesExtractiveAnswerService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        using var services = new ServiceCollection()
            .AddSingleton<ISearchService>(new FakeSearchService())
            .AddLanguageModels(configuration)
            .AddAnswering(configuration)
            .BuildServiceProvider(validateScopes: true);

        Assert.IsType<AnswerService>(services.GetRequiredService<IAnswerService>());
        Assert.Equal(0.1f, services.GetRequiredService<IOptions<AnswerOptions>>().Value.Temperature);
    }

    [Fact]
    public void AddAnswering_EmptyTemperature_SendsNone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Answering:Temperature"] = string.Empty }).Build();
        using var services = new ServiceCollection().AddAnswering(configuration).BuildServiceProvider();

        Assert.Null(services.GetRequiredService<IOptions<AnswerOptions>>().Value.Temperature);
    }

    [Fact]
    public void AddAnswering_InvalidOptions_FailValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Answering:MinTermCoverage"] = "1.5" }).Build();
        using var services = new ServiceCollection().AddAnswering(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AnswerOptions>>().Value);
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

    [Fact]
    public void AddLanguageModels_OnnxWithModelFolder_RegistersTheOnnxGenerator()
    {
        using var folder = MiniLmOnnxFolder.Create();
        using var services = Build(new()
        {
            ["LanguageModels:Embeddings:Provider"] = "Onnx",
            ["LanguageModels:Embeddings:ModelPath"] = folder.Path,
            ["LanguageModels:Embeddings:Model"] = "minilm-onnx",
            ["LanguageModels:Embeddings:IntraOpNumThreads"] = "2",
            ["LanguageModels:Embeddings:Pooling"] = "Cls",
            ["LanguageModels:Embeddings:MaxSequenceLength"] = "128",
        });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var onnx = generator.GetService<OnnxEmbeddingGenerator>();
        Assert.NotNull(onnx);
        Assert.Equal(EmbeddingPooling.Cls, onnx.Pooling);
        Assert.Equal(128, onnx.MaxSequenceLength);
        Assert.Equal("minilm-onnx", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void AddLanguageModels_OnnxFolderWithoutModel_FailsValidationWithGermanReason()
    {
        using var folder = new TemporaryFolder("wissen-onnx-empty");
        using var services = Build(new()
        {
            ["LanguageModels:Embeddings:Provider"] = "Onnx",
            ["LanguageModels:Embeddings:ModelPath"] = folder.Path,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageModelOptions>>().Value);

        Assert.Contains("fehlt model.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLanguageModels_OnnxOutOfRangeSettings_FailValidation()
    {
        using var folder = MiniLmOnnxFolder.Create();
        using var services = Build(new()
        {
            ["LanguageModels:Embeddings:Provider"] = "Onnx",
            ["LanguageModels:Embeddings:ModelPath"] = folder.Path,
            ["LanguageModels:Embeddings:IntraOpNumThreads"] = "0",
            ["LanguageModels:Embeddings:MaxSequenceLength"] = "100000",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageModelOptions>>().Value);

        Assert.Contains("IntraOpNumThreads", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxSequenceLength", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLanguageModels(configuration).BuildServiceProvider(validateScopes: true);
    }
}
