namespace Wissensassistent.AI.Embeddings;

/// <summary>Turns text into the token ids a model reads, special tokens included, cut to a maximum length.</summary>
internal abstract class ModelTokenizer
{
    /// <summary>Id that fills a padded position (masked out by the attention mask).</summary>
    public abstract int PaddingId { get; }


    /// <summary>At most <paramref name="maxTokens"/> ids, the opening and closing special tokens always included.</summary>
    public abstract int[] Encode(string text, int maxTokens);

    public static ModelTokenizer Create(OnnxModelFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Tokenizer switch
        {
            ModelTokenizerKind.WordPiece => WordPieceModelTokenizer.Load(folder),
            ModelTokenizerKind.SentencePiece when folder.SentencePieceFromTokenizerJson => SentencePieceModelTokenizer.FromTokenizerJson(folder.TokenizerJsonFile),
            ModelTokenizerKind.SentencePiece => SentencePieceModelTokenizer.Load(folder.SentencePieceFile),
            _ => throw new ArgumentOutOfRangeException(nameof(folder), folder.Tokenizer, "Unbekannte Tokenizer-Familie."),
        };
    }
}
