using Microsoft.ML.Tokenizers;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// XLM-R's tokenization (multilingual-e5, bge-m3) through Microsoft.ML.Tokenizers' SentencePiece Unigram model. From
/// <c>sentencepiece.bpe.model</c>, ids follow the fairseq convention the model was trained on: <c>&lt;s&gt;</c> 0,
/// <c>&lt;pad&gt;</c> 1, <c>&lt;/s&gt;</c> 2, <c>&lt;unk&gt;</c> 3, every other piece its SentencePiece id plus one.
/// From a <c>tokenizer.json</c>, its vocabulary order already is the model's id order.
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
    private readonly bool _fairseqIds;
    private readonly int _beginId;
    private readonly int _endId;
    private readonly int _padId;

    private SentencePieceModelTokenizer(SentencePieceTokenizer tokenizer, bool fairseqIds, int beginId, int endId, int padId)
    {
        _tokenizer = tokenizer;
        _fairseqIds = fairseqIds;
        _beginId = beginId;
        _endId = endId;
        _padId = padId;
    }

    public override int PaddingId => _padId;

    public static SentencePieceModelTokenizer Load(string modelFile)
    {
        using var stream = File.OpenRead(modelFile);
        return new SentencePieceModelTokenizer(
            SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false), fairseqIds: true, BeginId, EndId, PadId);
    }

    public static SentencePieceModelTokenizer FromTokenizerJson(string tokenizerJsonFile)
    {
        var (model, ids) = UnigramTokenizerJson.ToSentencePiece(tokenizerJsonFile);
        using var stream = new MemoryStream(model);
        return new SentencePieceModelTokenizer(
            SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false), fairseqIds: false, ids.Begin, ids.End, ids.Padding);
    }

    public override int[] Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);

        // Cut pieces, not words, as Hugging Face's truncation does.
        var pieces = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        var kept = Math.Min(pieces.Count, maxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = _beginId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = _fairseqIds ? ToFairseq(pieces[i]) : pieces[i];
        }

        ids[^1] = _endId;
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
