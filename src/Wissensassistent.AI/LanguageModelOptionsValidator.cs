using Microsoft.Extensions.Options;
using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.AI;

/// <summary>Checks the combinations data annotations cannot express; messages are German because operators read them at start.</summary>
public sealed class LanguageModelOptionsValidator : IValidateOptions<LanguageModelOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(30);

    public ValidateOptionsResult Validate(string? name, LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateEmbeddings(options.Embeddings, failures);
        ValidateChat(options.Chat, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEmbeddings(EmbeddingModelOptions embeddings, List<string> failures)
    {
        const string Section = "LanguageModels:Embeddings";
        if (!Enum.IsDefined(embeddings.Provider))
        {
            failures.Add($"{Section}:Provider ist unbekannt (erlaubt: MiniLm, OpenAI, Ollama, None, Onnx).");
            return;
        }

        if (embeddings.Dimensions is <= 0)
        {
            failures.Add($"{Section}:Dimensions muss größer als 0 sein.");
        }

        switch (embeddings.Provider)
        {
            case EmbeddingProvider.MiniLm:
                if (embeddings.Dimensions is { } dimensions && dimensions != MiniLmEmbeddingGenerator.VectorDimensions)
                {
                    failures.Add($"{Section}:Dimensions: MiniLM liefert immer {MiniLmEmbeddingGenerator.VectorDimensions} Dimensionen, nicht {dimensions}.");
                }

                return;
            case EmbeddingProvider.None:
                return;
            case EmbeddingProvider.Onnx:
                ValidateOnnx(Section, embeddings, failures);
                return;
        }

        RequireModel(Section, embeddings.Model, failures);
        ValidateEndpoint(Section, embeddings.Endpoint, failures);
        ValidateTransport(Section, embeddings.Timeout, embeddings.MaxRetries, failures);
        if (embeddings.Provider == EmbeddingProvider.OpenAI && string.IsNullOrWhiteSpace(embeddings.Endpoint) && string.IsNullOrWhiteSpace(embeddings.ApiKey))
        {
            failures.Add($"{Section}:ApiKey fehlt: ohne eigenen Endpoint wird api.openai.com verwendet, das einen Schlüssel verlangt.");
        }
    }

    private static void ValidateOnnx(string section, EmbeddingModelOptions embeddings, List<string> failures)
    {
        if (OnnxModelFolder.TryOpen(embeddings.ModelPath, out var problem) is null)
        {
            failures.Add(problem!);
        }

        if (embeddings.Pooling is { } pooling && !Enum.IsDefined(pooling))
        {
            failures.Add($"{section}:Pooling ist unbekannt (erlaubt: Mean, Cls).");
        }

        if (embeddings.MaxSequenceLength is < 8 or > 8_192)
        {
            failures.Add($"{section}:MaxSequenceLength muss zwischen 8 und 8192 Token liegen.");
        }

        if (embeddings.IntraOpNumThreads is < 1 or > 256)
        {
            failures.Add($"{section}:IntraOpNumThreads muss zwischen 1 und 256 liegen.");
        }

        if (embeddings.BatchSize is < 1 or > 1_024)
        {
            failures.Add($"{section}:BatchSize muss zwischen 1 und 1024 liegen.");
        }
    }

    private static void ValidateChat(ChatModelOptions chat, List<string> failures)
    {
        const string Section = "LanguageModels:Chat";
        if (!Enum.IsDefined(chat.Provider))
        {
            failures.Add($"{Section}:Provider ist unbekannt (erlaubt: None, OpenAI, Ollama).");
            return;
        }

        if (chat.Provider == ChatProvider.None)
        {
            return;
        }

        RequireModel(Section, chat.Model, failures);
        ValidateEndpoint(Section, chat.Endpoint, failures);
        ValidateTransport(Section, chat.Timeout, chat.MaxRetries, failures);
        if (chat.Provider == ChatProvider.OpenAI && string.IsNullOrWhiteSpace(chat.Endpoint) && string.IsNullOrWhiteSpace(chat.ApiKey))
        {
            failures.Add($"{Section}:ApiKey fehlt: ohne eigenen Endpoint wird api.openai.com verwendet, das einen Schlüssel verlangt.");
        }
    }

    private static void RequireModel(string section, string? model, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            failures.Add($"{section}:Model fehlt.");
        }
    }

    private static void ValidateEndpoint(string section, string? endpoint, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:Endpoint muss eine absolute http- oder https-Adresse sein.");
        }
    }

    private static void ValidateTransport(string section, TimeSpan timeout, int maxRetries, List<string> failures)
    {
        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            failures.Add($"{section}:Timeout muss zwischen 0 und {MaxTimeout.TotalMinutes:0} Minuten liegen.");
        }

        if (maxRetries is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetries muss zwischen 0 und 10 liegen.");
        }
    }
}
