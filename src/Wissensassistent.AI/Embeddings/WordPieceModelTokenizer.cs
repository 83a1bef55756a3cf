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

    /// <summary>Cuts the word pieces, not whole words, as Hugging Face's truncation does: a long input fills the window.</summary>
    public override int[] Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, maxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }
}
