using System.Text;
using Microsoft.ML.Tokenizers;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// BERT's tokenization (Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/>): clean-up, splitting at whitespace and
/// punctuation, optional lower-casing and accent removal, WordPiece; <c>[CLS] … [SEP]</c>.
/// </summary>
internal sealed class WordPieceModelTokenizer : ModelTokenizer
{
    private readonly BertTokenizer _tokenizer;

    private WordPieceModelTokenizer(BertTokenizer tokenizer) => _tokenizer = tokenizer;

    public override int PaddingId => _tokenizer.PaddingTokenId;

    public static WordPieceModelTokenizer Load(OnnxModelFolder folder)
    {
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = folder.LowerCase,
            RemoveNonSpacingMarks = folder.StripAccents,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
        };

        if (folder.TokenizerJsonVocabulary is { } vocabulary)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', vocabulary) + "\n"));
            return new WordPieceModelTokenizer(BertTokenizer.Create(stream, options));
        }

        return new WordPieceModelTokenizer(BertTokenizer.Create(folder.VocabularyFile, options));
    }

    public override int[] Encode(string text, int maxTokens) =>
        [.. _tokenizer.EncodeToIds(text, maxTokens, addSpecialTokens: true, out _, out _)];
}
