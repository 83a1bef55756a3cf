using Microsoft.ML.Tokenizers;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// XLM-R's tokenization (multilingual-e5, bge-m3): the SentencePiece model <c>sentencepiece.bpe.model</c> through
/// Microsoft.ML.Tokenizers, with the fairseq ids the model was trained on: <c>&lt;s&gt;</c> 0, <c>&lt;pad&gt;</c> 1,
/// <c>&lt;/s&gt;</c> 2, <c>&lt;unk&gt;</c> 3, every other piece its SentencePiece id plus one.
/// </summary>
internal sealed class SentencePieceModelTokenizer : ModelTokenizer
{
    public const int BeginId = 0;
    public const int PadId = 1;
    public const int EndId = 2;
    public const int UnknownId = 3;

    /// <summary>fairseq puts <c>&lt;pad&gt;</c> before the SentencePiece vocabulary, shifting every piece by one.</summary>
    private const int FairseqOffset = 1;

    private readonly SentencePieceTokenizer _tokenizer;

    private SentencePieceModelTokenizer(SentencePieceTokenizer tokenizer) => _tokenizer = tokenizer;

    public override int PaddingId => PadId;

    public static SentencePieceModelTokenizer Load(string modelFile)
    {
        using var stream = File.OpenRead(modelFile);
        return new SentencePieceModelTokenizer(SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false));
    }

    public override int[] Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        // Cut pieces, not words, as Hugging Face's truncation does.
        var pieces = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        var kept = Math.Min(pieces.Count, maxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = BeginId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = ToFairseq(pieces[i]);
        }

        ids[^1] = EndId;
        return ids;
    }

    private int ToFairseq(int pieceId)
    {
        if (pieceId == _tokenizer.UnknownId)
        {
            return UnknownId;
        }

        if (pieceId == _tokenizer.BeginningOfSentenceId)
        {
            return BeginId;
        }

        return pieceId == _tokenizer.EndOfSentenceId ? EndId : pieceId + FairseqOffset;
    }
}
