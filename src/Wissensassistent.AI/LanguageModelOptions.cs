namespace Wissensassistent.AI;

/// <summary>Embedding and chat models, bound from the <c>LanguageModels</c> section and validated at start.</summary>
public sealed class LanguageModelOptions
{
    public const string SectionName = "LanguageModels";

    public EmbeddingModelOptions Embeddings { get; set; } = new();

    public ChatModelOptions Chat { get; set; } = new();

    public override string ToString() => $"Embeddings: {Embeddings}; Chat: {Chat}";
}
