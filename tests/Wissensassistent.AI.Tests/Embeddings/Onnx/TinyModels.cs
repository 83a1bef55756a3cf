using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>Small, fully known model files: a SentencePiece Unigram vocabulary and an ONNX "transformer" that looks tokens up.</summary>
internal static class TinyModels
{
    /// <summary>The normal pieces after <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> (SentencePiece ids 3, 4, …).</summary>
    public static readonly string[] Pieces =
    [
        "▁Die", "▁Gemeinde", "▁erhebt", "▁eine", "▁Hunde", "steuer", "▁query", ":", "▁passage", "▁",
        "a", "b", "d", "e", "g", "h", "i", "m", "n", "r", "s", "t", "u", "D", "G", "H",
    ];

    /// <summary>Rows of the lookup table: fairseq ids (0 …) of XLM-R, one vector each.</summary>
    public const int VocabularySize = 3 + 1 + 26;

    public const int Hidden = 4;

    /// <summary>
    /// A SentencePiece Unigram model (the kind XLM-R's <c>sentencepiece.bpe.model</c> is): whole words score higher
    /// than letters, so the best segmentation of the test sentences is known.
    /// </summary>
    public static void WriteSentencePiece(string file)
    {
        var model = new ProtoWriter()
            .Message(1, Piece("<unk>", 0, type: 2))
            .Message(1, Piece("<s>", 0, type: 3))
            .Message(1, Piece("</s>", 0, type: 3));
        foreach (var piece in Pieces)
        {
            model.Message(1, Piece(piece, piece.Length == 1 ? -10f : -1f, type: 1));
        }

        // trainer_spec: model_type UNIGRAM, vocab size, unk/bos/eos/pad ids.
        model.Message(2, new ProtoWriter().Varint(3, 1).Varint(4, 3 + Pieces.Length).Varint(40, 0).Varint(41, 1).Varint(42, 2).Varint(43, -1));

        // normalizer_spec: identity, with the dummy prefix and whitespace escaping SentencePiece applies by default.
        model.Message(3, new ProtoWriter().String(1, "identity").Varint(3, 1).Varint(4, 1).Varint(5, 1));
        File.WriteAllBytes(file, model.ToArray());
    }

    /// <summary>
    /// The same Unigram vocabulary as a Hugging Face <c>tokenizer.json</c>, in the model's (fairseq) id order:
    /// <c>&lt;s&gt;</c>, <c>&lt;pad&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;unk&gt;</c>, then the pieces.
    /// </summary>
    public static void WriteTokenizerJson(string file)
    {
        object[][] vocabulary =
        [
            ["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0],
            .. Pieces.Select(piece => new object[] { piece, piece.Length == 1 ? -10.0 : -1.0 }),
        ];
        var json = new
        {
            added_tokens = new[] { "<s>", "<pad>", "</s>", "<unk>" }.Select((content, id) => new { id, content, special = true }),
            normalizer = new { type = "Sequence", normalizers = new object[] { new { type = "Replace", pattern = new { String = " {2,}" }, content = " " } } },
            pre_tokenizer = new { type = "Metaspace", replacement = "▁", prepend_scheme = "always", split = true },
            model = new { type = "Unigram", unk_id = 3, vocab = vocabulary, byte_fallback = false },
        };
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(json));
    }

    /// <summary>
    /// An ONNX graph <c>last_hidden_state = Gather(table, input_ids)</c>: each token's state is its row of
    /// <see cref="Row"/>, so pooled vectors can be computed by hand. Inputs: input_ids, attention_mask (XLM-R has no
    /// token_type_ids).
    /// </summary>
    /// <param name="file">Where to write the model.</param>
    /// <param name="decoyOutput">Also output other per-token states (negated rows) under another name, listed first, as
    /// bge-m3's export lists colbert_vecs.</param>
    /// <param name="rows">Rows of the table; fewer than <see cref="VocabularySize"/> makes runs with higher ids fail.</param>
    public static void WriteLookupModel(string file, string? decoyOutput = null, int rows = VocabularySize)
    {
        var table = new byte[rows * Hidden * sizeof(float)];
        for (var id = 0; id < rows; id++)
        {
            var row = Row(id);
            Buffer.BlockCopy(row, 0, table, id * Hidden * sizeof(float), Hidden * sizeof(float));
        }

        var initializer = new ProtoWriter().Varint(1, rows).Varint(1, Hidden).Varint(2, 1).String(8, "table").Bytes(9, table);
        var gather = new ProtoWriter().String(1, "table").String(1, "input_ids").String(2, "last_hidden_state").String(3, "lookup").String(4, "Gather");
        var graph = new ProtoWriter().Message(1, gather);
        if (decoyOutput is not null)
        {
            graph.Message(1, new ProtoWriter().String(1, "last_hidden_state").String(2, decoyOutput).String(3, "decoy").String(4, "Neg"));
        }

        graph.String(2, "tiny-xlmr")
            .Message(5, initializer)
            .Message(11, ValueInfo("input_ids", elementType: 7, "batch", "sequence"))
            .Message(11, ValueInfo("attention_mask", elementType: 7, "batch", "sequence"));
        if (decoyOutput is not null)
        {
            graph.Message(12, ValueInfo(decoyOutput, elementType: 1, "batch", "sequence", Hidden));
        }

        graph.Message(12, ValueInfo("last_hidden_state", elementType: 1, "batch", "sequence", Hidden));
        var model = new ProtoWriter()
            .Varint(1, 8)
            .String(2, "wissensassistent-tests")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, string.Empty).Varint(2, 13));
        File.WriteAllBytes(file, model.ToArray());
    }

    /// <summary>The state of fairseq id <paramref name="id"/>: distinct, non-zero, easy to sum.</summary>
    public static float[] Row(int id) => [1f + id, (id % 3) - 1f, 0.5f * id, id == 0 ? 3f : 1f / id];

    private static ProtoWriter Piece(string piece, float score, int type) =>
        new ProtoWriter().String(1, piece).Float(2, score).Varint(3, type);

    private static ProtoWriter ValueInfo(string name, int elementType, params object[] dimensions)
    {
        var shape = new ProtoWriter();
        foreach (var dimension in dimensions)
        {
            shape.Message(1, dimension is int value ? new ProtoWriter().Varint(1, value) : new ProtoWriter().String(2, (string)dimension));
        }

        var tensor = new ProtoWriter().Varint(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}
