using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using Polly;
using Wissensassistent.AI.Embeddings;
using Wissensassistent.Core.Answering;

namespace Wissensassistent.AI;

public static class DependencyInjection
{
    /// <summary>Named <see cref="HttpClient"/> of the chat model: timeout per attempt and retries come from <see cref="ChatModelOptions"/>.</summary>
    public const string ChatHttpClientName = "Wissensassistent.AI.Chat";

    public const string EmbeddingsHttpClientName = "Wissensassistent.AI.Embeddings";

    /// <summary>ActivitySource and Meter name of the OpenTelemetry decorators.</summary>
    public const string TelemetrySourceName = "Wissensassistent.AI";

    private const string OllamaDefaultEndpoint = "http://localhost:11434";

    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> (by <c>LanguageModels:Embeddings:Provider</c>:
    /// MiniLM, a local ONNX model folder, OpenAI-compatible or Ollama; none for provider <c>None</c>) and, only when
    /// <c>LanguageModels:Chat:Provider</c> names one, an <see cref="IChatClient"/>.
    /// Without a chat client, answers are extractive.
    /// </summary>
    public static IServiceCollection AddLanguageModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(LanguageModelOptions.SectionName);
        services.AddOptions<LanguageModelOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LanguageModelOptions>, LanguageModelOptionsValidator>());
        services.AddLogging();

        // Which services exist is decided here; how they are built comes from the validated options on first use.
        var configured = ReadProviders(section);
        AddEmbeddings(services, configured.Embeddings.Provider);
        if (configured.Chat.Provider != ChatProvider.None)
        {
            AddChat(services, configured.Chat.Provider);
        }

        return services;
    }

    /// <summary>
    /// Registers <see cref="IAnswerService"/> with <see cref="AnswerOptions"/> from the <c>Answering</c> section. Needs an
    /// <see cref="Core.Retrieval.ISearchService"/>; uses the <see cref="IChatClient"/> of <see cref="AddLanguageModels"/> when one
    /// is registered and answers extractively otherwise.
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AnswerOptions>()
            .Bind(configuration.GetSection(AnswerOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(options => options.MinExtractiveSentences <= options.MaxExtractiveSentences, "Answering:MinExtractiveSentences darf nicht größer als MaxExtractiveSentences sein.")
            .ValidateOnStart();
        services.AddLogging();

        // Transient: holds no state, and may sit on top of a scoped search service.
        services.TryAddTransient<IAnswerService, AnswerService>();
        return services;
    }

    private static LanguageModelOptions ReadProviders(IConfigurationSection section)
    {
        CheckProvider(section, "Embeddings:Provider", new EmbeddingModelOptions().Provider);
        CheckProvider(section, "Chat:Provider", new ChatModelOptions().Provider);
        try
        {
            return section.Get<LanguageModelOptions>() ?? new LanguageModelOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Der Abschnitt {LanguageModelOptions.SectionName} der Konfiguration ist ungültig: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// An empty provider (a compose file's empty variable) is the default; an unknown one stops the start with the setting and
    /// the allowed values, not the binder's English conversion error.
    /// </summary>
    private static void CheckProvider<TProvider>(IConfigurationSection section, string key, TProvider defaultProvider)
        where TProvider : struct, Enum
    {
        var value = section[key];
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            section[key] = defaultProvider.ToString();
            return;
        }

        if (!Enum.TryParse<TProvider>(value.Trim(), ignoreCase: true, out _) || int.TryParse(value, out _))
        {
            throw new InvalidOperationException(
                $"{section.Path}:{key} „{value}“ ist kein bekannter Anbieter; erlaubt sind {string.Join(", ", Enum.GetNames<TProvider>())}.");
        }
    }

    private static void AddEmbeddings(IServiceCollection services, EmbeddingProvider provider)
    {
        switch (provider)
        {
            case EmbeddingProvider.None:
                return;
            case EmbeddingProvider.MiniLm:
                services.TryAddSingleton(sp => new MiniLmEmbeddingGenerator(sp.GetService<ILogger<MiniLmEmbeddingGenerator>>(), passageThreads: sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Embeddings.IntraOpNumThreads));
                services.AddEmbeddingGenerator(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>())
                    .UseLogging()
                    .UseOpenTelemetry(sourceName: TelemetrySourceName);
                return;
            case EmbeddingProvider.Onnx:
                // The options were validated at start (folder and files present); the model itself loads on first use.
                services.TryAddSingleton(sp => new OnnxEmbeddingGenerator(
                    sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Embeddings,
                    sp.GetService<ILogger<OnnxEmbeddingGenerator>>()));
                services.AddEmbeddingGenerator(sp => sp.GetRequiredService<OnnxEmbeddingGenerator>())
                    .UseLogging()
                    .UseOpenTelemetry(sourceName: TelemetrySourceName);
                return;
        }

        services.AddHttpClient(EmbeddingsHttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Embeddings;
                http.Timeout = Timeout.InfiniteTimeSpan;
                if (options.Provider == EmbeddingProvider.Ollama)
                {
                    http.BaseAddress = new Uri(EndpointOrDefault(options.Endpoint, OllamaDefaultEndpoint));
                }
            })
            .AddResilienceHandler("embeddings", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Embeddings;
                ConfigureResilience(pipeline, options.Timeout, options.MaxRetries);
            });

        services.AddEmbeddingGenerator(sp =>
            {
                var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Embeddings;
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingsHttpClientName);
                var model = options.Model!;
                LanguageModelLog.EmbeddingsConfigured(Logger(sp), options.Provider, model, EndpointDisplay.Redact(options.Endpoint));
                return options.Provider == EmbeddingProvider.Ollama
                    ? new OllamaApiClient(http, model)
                    : CreateOpenAIClient(http, options.Endpoint, options.ApiKey, options.Timeout)
                        .GetEmbeddingClient(model)
                        .AsIEmbeddingGenerator(options.Dimensions);
            })
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName);
    }

    private static void AddChat(IServiceCollection services, ChatProvider provider)
    {
        services.AddHttpClient(ChatHttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Chat;

                // Timeouts live in the resilience pipeline (per attempt); a client-wide one would cut off retries.
                http.Timeout = Timeout.InfiniteTimeSpan;
                if (provider == ChatProvider.Ollama)
                {
                    http.BaseAddress = new Uri(EndpointOrDefault(options.Endpoint, OllamaDefaultEndpoint));
                }
            })
            .AddResilienceHandler("chat", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Chat;
                ConfigureResilience(pipeline, options.Timeout, options.MaxRetries);
            });

        services.AddChatClient(sp =>
            {
                var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value.Chat;
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatHttpClientName);
                var model = options.Model!;
                LanguageModelLog.ChatConfigured(
                    Logger(sp), options.Provider, model, EndpointDisplay.Redact(options.Endpoint), options.Timeout, options.MaxRetries);
                return options.Provider == ChatProvider.Ollama
                    ? new OllamaApiClient(http, model)
                    : CreateOpenAIClient(http, options.Endpoint, options.ApiKey, options.Timeout)
                        .GetChatClient(model)
                        .AsIChatClient();
            })
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName);
    }

    private static OpenAIClient CreateOpenAIClient(HttpClient http, string? endpoint, string? apiKey, TimeSpan timeout)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),

            // Retries happen in the HttpClient's resilience pipeline; two layers would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // Also bounds silence while a streamed response is read.
            NetworkTimeout = timeout,
        };
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            clientOptions.Endpoint = new Uri(endpoint);
        }

        // Local servers ignore the key, but the client insists on one.
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? "not-needed" : apiKey);
        return new OpenAIClient(credential, clientOptions);
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan timeout, int maxRetries)
    {
        if (maxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
            });
        }

        pipeline.AddTimeout(timeout);
    }

    private static string EndpointOrDefault(string? endpoint, string fallback) =>
        string.IsNullOrWhiteSpace(endpoint) ? fallback : endpoint;

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Wissensassistent.AI.LanguageModels");
}
